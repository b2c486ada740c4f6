package io.msetl.build;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall time per pipeline stage. Spark is lazy, so each stage ends with an action (a count of a
 * persisted result): the time is then really that stage's work, not the next one's.
 */
public final class StageClock {
  private final Map<String, Double> seconds = new LinkedHashMap<>();
  private final Progress progress;

  public StageClock(Progress progress) {
    this.progress = progress;
  }

  public <T> T time(String stage, Supplier<T> work) {
    progress.stageStarted(stage);
    long t0 = System.nanoTime();
    T result = work.get();
    double s = (System.nanoTime() - t0) / 1e9;
    seconds.merge(stage, s, Double::sum);
    progress.stageFinished(stage, s);
    return result;
  }

  Map<String, Double> seconds() {
    return Map.copyOf(seconds);
  }

  Map<String, Double> orderedSeconds() {
    return new LinkedHashMap<>(seconds);
  }
}
