package io.msetl.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the SparkSession every job uses: embedded (local mode, master from the options) when run
 * by {@code ./msetl}, or the cluster's session when run by {@code spark-submit}.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * @param master e.g. {@code local[2]}; ignored under spark-submit, which sets {@code
   *     spark.master}
   * @param settings extra {@code spark.*} settings from the configuration file
   */
  public static SparkSession start(String appName, String master, Map<String, String> settings) {
    return SparkSession.builder().config(conf(appName, master, settings)).getOrCreate();
  }

  /** The settings {@link #start} starts Spark with. */
  static SparkConf conf(String appName, String master, Map<String, String> settings) {
    SparkConf conf = new SparkConf(true).setAppName(appName);
    boolean submitted = conf.contains("spark.master");
    // The configuration file's spark.* keys; what spark-submit set (--conf, --properties-file,
    // already in the system properties SparkConf(true) loaded) wins, as the command line always
    // does. They come before the embedded defaults below so a file can change those too.
    settings.forEach(
        (k, v) -> {
          if (k.startsWith("spark.") && !k.equals("spark.master")) {
            conf.setIfMissing(k, v);
          }
        });
    if (!submitted) {
      conf.setMaster(master);
      // Embedded runs are CLI runs: no UI port to collide with, loopback only.
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.sql.shuffle.partitions", "16");
    }
    conf.setIfMissing("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    conf.setIfMissing(
        "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    return conf;
  }

  /** Is this JVM a spark-submit driver (cluster or client mode)? */
  public static boolean underSparkSubmit() {
    return System.getProperty("spark.master") != null;
  }
}
