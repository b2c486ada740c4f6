package io.msetl.build;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Prints, at most every few seconds, how far the running stages are, in msetl's terms: "featurize:
 * 4,200/14,146 structures (29.7 %), 52.1/s, ETA 3m 10s". The msetl stage comes from the local
 * property {@link Progress} puts on the jobs it starts; the total comes from the records the parent
 * stages wrote to the shuffle this stage reads (exact for the featurize stage, which reads the
 * repartitioned distinct structures). A stage without that (a scan) is measured in tasks.
 */
final class TaskProgress extends SparkListener {
  private final PrintStream err;
  private final long everyNanos;
  private final Map<Integer, StageState> stages = new ConcurrentHashMap<>();
  // By shuffle id: a later job (adaptive execution runs each shuffle as its own job) refers to an
  // earlier job's map stage under a new, skipped stage id with the same shuffle.
  private final Map<Integer, Integer> shuffleOfStage = new ConcurrentHashMap<>();
  private final Map<Integer, Long> shuffleRecordsWritten = new ConcurrentHashMap<>();
  private volatile long lastPrint = System.nanoTime();

  /** One running stage: what it is, how much there is, how much is done. */
  private static final class StageState {
    final String name;
    final String unit;
    final int tasks;
    final long totalRecords; // 0 when unknown
    final long startNanos = System.nanoTime();
    int tasksDone;
    long recordsDone;

    StageState(String name, String unit, int tasks, long totalRecords) {
      this.name = name;
      this.unit = unit;
      this.tasks = tasks;
      this.totalRecords = totalRecords;
    }
  }

  /**
   * @param everySeconds least time between two lines; 0 prints one line per finished task
   */
  TaskProgress(PrintStream err, long everySeconds) {
    this.err = err;
    this.everyNanos = everySeconds * 1_000_000_000L;
  }

  @Override
  public void onJobStart(SparkListenerJobStart e) {
    for (StageInfo info : CollectionConverters.asJava(e.stageInfos())) {
      if (info.shuffleDepId().isDefined()) {
        shuffleOfStage.put(info.stageId(), (Integer) info.shuffleDepId().get());
      }
    }
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted e) {
    StageInfo info = e.stageInfo();
    String stage =
        e.properties() == null ? null : e.properties().getProperty(Progress.STAGE_PROPERTY);
    String name = stage != null ? stage : "spark stage " + info.stageId();
    String unit = "featurize".equals(stage) ? "structures" : "rows";
    long total = 0;
    for (Object parent : CollectionConverters.asJava(info.parentIds())) {
      Integer shuffle = shuffleOfStage.get((Integer) parent);
      Long written = shuffle == null ? null : shuffleRecordsWritten.get(shuffle);
      if (written == null) {
        total = 0; // a parent we did not see finish: the total is unknown
        break;
      }
      total += written;
    }
    stages.put(info.stageId(), new StageState(name, unit, info.numTasks(), total));
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted e) {
    StageInfo info = e.stageInfo();
    stages.remove(info.stageId());
    TaskMetrics m = info.taskMetrics();
    if (m != null && info.failureReason().isEmpty() && info.shuffleDepId().isDefined()) {
      shuffleRecordsWritten.put(
          (Integer) info.shuffleDepId().get(), m.shuffleWriteMetrics().recordsWritten());
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    StageState s = stages.get(e.stageId());
    if (s == null) {
      return;
    }
    String line;
    synchronized (s) {
      s.tasksDone++;
      TaskMetrics m = e.taskMetrics();
      if (m != null) {
        s.recordsDone += m.shuffleReadMetrics().recordsRead() + m.inputMetrics().recordsRead();
      }
      long now = System.nanoTime();
      if (now - lastPrint < everyNanos || s.tasks <= 1) {
        return;
      }
      lastPrint = now;
      line = describe(s, (now - s.startNanos) / 1e9);
    }
    err.println("msetl:   " + line);
  }

  /** The progress line of one stage after {@code seconds} of running. */
  static String describe(
      String name,
      String unit,
      int tasksDone,
      int tasks,
      long recordsDone,
      long totalRecords,
      double seconds) {
    double rate = seconds > 0 ? recordsDone / seconds : 0;
    if (totalRecords > 0) {
      double left = rate > 0 ? Math.max(0, totalRecords - recordsDone) / rate : Double.NaN;
      return String.format(
          Locale.ROOT,
          "%s: %,d/%,d %s (%.1f %%), %.1f %s/s, ETA %s",
          name,
          recordsDone,
          totalRecords,
          unit,
          100.0 * recordsDone / totalRecords,
          rate,
          unit,
          eta(left));
    }
    double left = tasksDone > 0 ? seconds * (tasks - tasksDone) / tasksDone : Double.NaN;
    return String.format(
        Locale.ROOT,
        "%s: %d/%d tasks, %,d %s, %.1f %s/s, ETA %s",
        name,
        tasksDone,
        tasks,
        recordsDone,
        unit,
        rate,
        unit,
        eta(left));
  }

  private static String describe(StageState s, double seconds) {
    return describe(s.name, s.unit, s.tasksDone, s.tasks, s.recordsDone, s.totalRecords, seconds);
  }

  static String eta(double seconds) {
    if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
      return "unknown";
    }
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
    return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
