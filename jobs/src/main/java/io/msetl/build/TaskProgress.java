package io.msetl.build;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Prints "tasks done / tasks" of running Spark stages at most every few seconds, so a long
 * featurization (3D embedding of tens of thousands of molecules) shows it is moving.
 */
final class TaskProgress extends SparkListener {
  private final PrintStream err;
  private final long everyNanos;
  private final Map<Integer, int[]> stages = new ConcurrentHashMap<>();
  private volatile long lastPrint = System.nanoTime();

  TaskProgress(PrintStream err, long everySeconds) {
    this.err = err;
    this.everyNanos = everySeconds * 1_000_000_000L;
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted e) {
    stages.put(e.stageInfo().stageId(), new int[] {0, e.stageInfo().numTasks()});
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted e) {
    stages.remove(e.stageInfo().stageId());
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    int[] s = stages.get(e.stageId());
    if (s == null) {
      return;
    }
    synchronized (s) {
      s[0]++;
    }
    long now = System.nanoTime();
    if (now - lastPrint >= everyNanos && s[1] > 1) {
      lastPrint = now;
      err.println(
          String.format(
              Locale.ROOT, "msetl:   stage %d: %d/%d tasks done", e.stageId(), s[0], s[1]));
    }
  }
}
