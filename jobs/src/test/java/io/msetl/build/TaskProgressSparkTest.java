package io.msetl.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.msetl.spark.SparkSessions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Progress lines name the msetl stage and count its rows of the total, with a rate and an ETA. */
@Tag("spark")
class TaskProgressSparkTest {

  @Test
  void aStageReadingAShuffleCountsItsRowsOfTheTotal() throws Exception {
    SparkSession spark = SparkSessions.start("task-progress-test", "local[2]", Map.of());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Progress progress = new Progress(err);
    TaskProgress tasks = new TaskProgress(err, 0);
    spark.sparkContext().addSparkListener(tasks);
    try {
      StageClock clock = new StageClock(progress);
      // 1,000 rows repartitioned into 8 tasks, as the featurize stage reads its structures.
      long n =
          clock.time(
              "featurize",
              () ->
                  spark
                      .range(0, 1000, 1, 4)
                      .repartition(8)
                      .toDF()
                      .where("id >= 0")
                      .javaRDD()
                      .count());
      assertEquals(1000, n);
      // Listener events arrive asynchronously: wait for the bus to drain.
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(tasks);
    }
    List<String> lines =
        bytes
            .toString(StandardCharsets.UTF_8)
            .lines()
            .filter(l -> l.startsWith("msetl:   "))
            .toList();
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.matches(
                        "msetl:   featurize: [0-9,]+/1,000 structures \\([0-9.]+ %\\), [0-9.]+"
                            + " structures/s, ETA [0-9hms]+")),
        String.join("\n", lines));
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.startsWith("msetl:   featurize: 1,000/1,000 structures (100.0 %)")),
        String.join("\n", lines));
  }

  @Test
  void theLineShowsDoneOfTotalRateAndEta() {
    assertEquals(
        "msetl:   featurize: 4,200/14,146 structures (29.7 %), 52.5 structures/s, ETA 3m09s"
            .substring(9),
        TaskProgress.describe("featurize", "structures", 30, 100, 4200, 14146, 80));
    assertEquals(
        "ingest: 2/8 tasks, 1,000 rows, 100.0 rows/s, ETA 30s",
        TaskProgress.describe("ingest", "rows", 2, 8, 1000, 0, 10));
  }
}
