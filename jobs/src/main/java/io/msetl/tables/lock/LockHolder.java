package io.msetl.tables.lock;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * Who holds a tables lock: written into the lock file so that a second run can name the holder, and
 * so that a lock left by a dead process can be recognised (same host, pid gone or reused).
 *
 * @param processStart start time of the holder's process; tells a live holder from a later process
 *     that got the same pid
 */
public record LockHolder(
    String runId, String host, long pid, Instant processStart, Instant startedAt) {

  /** This process, holding the lock for {@code runId} from now on. */
  public static LockHolder thisProcess(String runId) {
    ProcessHandle self = ProcessHandle.current();
    Instant processStart =
        self.info()
            .startInstant()
            .orElse(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
    return new LockHolder(runId, hostName(), self.pid(), processStart, Instant.now());
  }

  /** The lock file's text: one {@code key=value} per line. */
  public byte[] toBytes() {
    String text =
        "run_id="
            + runId
            + "\nhost="
            + host
            + "\npid="
            + pid
            + "\nprocess_start="
            + processStart
            + "\nstarted_at="
            + startedAt
            + "\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Empty for a file still being written (created, not yet filled) or not written by msetl. */
  public static Optional<LockHolder> parse(byte[] bytes) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
      return Optional.of(
          new LockHolder(
              p.getProperty("run_id"),
              p.getProperty("host"),
              Long.parseLong(p.getProperty("pid")),
              Instant.parse(p.getProperty("process_start")),
              Instant.parse(p.getProperty("started_at"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Is this holder a process on this host that no longer runs? Only the same host can tell; a
   * holder on another host is judged by its heartbeat alone.
   */
  public boolean isDeadOnThisHost() {
    if (!host.equals(hostName())) {
      return false;
    }
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isEmpty() || !p.get().isAlive()) {
      return true;
    }
    // The pid was reused by a later process: the holder is gone.
    return p.get()
        .info()
        .startInstant()
        .map(s -> Math.abs(s.toEpochMilli() - processStart.toEpochMilli()) > 1000)
        .orElse(false);
  }

  /** For the one-line message: who, where, since when. */
  public String describe() {
    return "run " + runId + " (host " + host + ", pid " + pid + ", started " + startedAt + ")";
  }

  static String hostName() {
    String env = System.getenv("HOSTNAME");
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return env != null && !env.isBlank() ? env : "unknown-host";
    }
  }
}
