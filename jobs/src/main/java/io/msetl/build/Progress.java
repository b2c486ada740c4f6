package io.msetl.build;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Progress lines for long work, on stderr so stdout carries only the summary. The msetl stage being
 * run is also put on the Spark jobs it starts (a local property and the job description), so that
 * {@link TaskProgress} and the Spark UI can name it.
 */
public final class Progress {
  /** Spark local property carrying the msetl stage of a job. */
  static final String STAGE_PROPERTY = "msetl.stage";

  private final PrintStream err;

  public Progress(PrintStream err) {
    this.err = err;
  }

  void stageStarted(String stage) {
    err.println("msetl: " + stage + " ...");
    SparkContext sc = activeContext();
    if (sc != null) {
      sc.setLocalProperty(STAGE_PROPERTY, stage);
      sc.setJobDescription("msetl " + stage);
    }
  }

  void stageFinished(String stage, double seconds) {
    err.println(String.format(Locale.ROOT, "msetl: %s done in %.1f s", stage, seconds));
    SparkContext sc = activeContext();
    if (sc != null) {
      sc.setLocalProperty(STAGE_PROPERTY, null);
      sc.setJobDescription(null);
    }
  }

  PrintStream stream() {
    return err;
  }

  void note(String message) {
    err.println("msetl: " + message);
  }

  private static SparkContext activeContext() {
    var session = SparkSession.getActiveSession();
    if (session.isEmpty()) {
      return null;
    }
    SparkContext sc = session.get().sparkContext();
    return sc.isStopped() ? null : sc;
  }
}
