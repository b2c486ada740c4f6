package io.msetl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The configuration file's spark.* keys reach Spark; spark-submit's own settings win over them. */
class SparkSessionsTest {

  @Test
  void configFileSettingsAreAppliedAndMayChangeTheEmbeddedDefaults() {
    SparkConf c =
        SparkSessions.conf(
            "t",
            "local[2]",
            Map.of(
                "spark.sql.shuffle.partitions", "3",
                "spark.executor.memoryOverhead", "2g",
                "build.out", "not a spark key"));
    assertEquals("3", c.get("spark.sql.shuffle.partitions"));
    assertEquals("2g", c.get("spark.executor.memoryOverhead"));
    assertEquals("local[2]", c.get("spark.master"));
    assertEquals(false, c.contains("build.out"));
  }

  @Test
  void withoutAFileTheEmbeddedDefaultsHold() {
    SparkConf c = SparkSessions.conf("t", "local[2]", Map.of());
    assertEquals("16", c.get("spark.sql.shuffle.partitions"));
    assertEquals("false", c.get("spark.ui.enabled"));
  }

  @Test
  void whatSparkSubmitSetWinsOverTheFile() {
    // spark-submit --conf k=v reaches the driver as the system property k.
    System.setProperty("spark.msetl.test.setting", "from-spark-submit");
    try {
      SparkConf c =
          SparkSessions.conf("t", "local[2]", Map.of("spark.msetl.test.setting", "from-file"));
      assertEquals("from-spark-submit", c.get("spark.msetl.test.setting"));
    } finally {
      System.clearProperty("spark.msetl.test.setting");
    }
  }
}
