package io.msetl.tables.lock;

import java.time.Duration;
import org.apache.hadoop.conf.Configuration;

/**
 * A second process for the lock tests: takes the lock on a tables folder, prints {@code HELD},
 * holds it for the given time (printing {@code LOST} if another process takes it over), then
 * releases it and prints {@code RELEASED}.
 *
 * <p>Arguments: TABLES HOLD_MILLIS [HEARTBEAT_MILLIS STALE_MILLIS]
 */
public final class LockHolderMain {
  private LockHolderMain() {}

  public static void main(String[] args) throws Exception {
    TablesLock.Timing timing =
        args.length > 3
            ? new TablesLock.Timing(
                Duration.ofMillis(Long.parseLong(args[2])),
                Duration.ofMillis(Long.parseLong(args[3])))
            : TablesLock.Timing.DEFAULT;
    try (TablesLock lock =
        TablesLock.acquire(
            args[0],
            new Configuration(),
            "holder-" + ProcessHandle.current().pid(),
            Duration.ZERO,
            timing,
            m -> System.out.println("progress: " + m))) {
      System.out.println("HELD " + ProcessHandle.current().pid());
      long until = System.currentTimeMillis() + Long.parseLong(args[1]);
      boolean told = false;
      while (System.currentTimeMillis() < until) {
        if (lock.lost() && !told) {
          System.out.println("LOST");
          told = true;
        }
        Thread.sleep(50);
      }
    }
    System.out.println("RELEASED");
  }
}
