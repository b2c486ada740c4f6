package io.msetl.tables.lock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * One writer at a time on a tables folder: the file {@code <tables>/_msetl_writer.lock}, created if
 * absent, names its holder ({@link LockHolder}) and is touched by a heartbeat thread.
 *
 * <p>A lock is stale when its holder is a dead process on this host, or when its heartbeat is older
 * than {@link Timing#staleAfter()} (a holder on another host, or a host that died). A stale lock is
 * taken over by at most one process: the taker first creates a "break" file named after the stale
 * lock's contents (create-if-absent, so only one of several takers wins), checks again that the
 * lock is the same stale one, deletes it, and then competes for the lock like any other acquirer. A
 * breaker that dies leaves its break file, which goes stale in turn and is skipped for the next
 * generation.
 *
 * <p>What it cannot do: stop a holder that was paused (not dead) longer than {@code staleAfter} and
 * then resumes. That holder sees at its next heartbeat that the lock is no longer its own and
 * reports it ({@link #lost()}).
 */
public final class TablesLock implements TablesLease {
  public static final String FILE = "_msetl_writer.lock";
  private static final int BREAK_GENERATIONS = 8;

  /** How often the holder touches the lock, and when an untouched lock counts as abandoned. */
  public record Timing(Duration heartbeat, Duration staleAfter) {
    public static final Timing DEFAULT = new Timing(Duration.ofSeconds(10), Duration.ofSeconds(90));
  }

  private final String tables;
  private final Path lock;
  private final LockFiles files;
  private final LockHolder holder;
  private final byte[] contents;
  private final Consumer<String> progress;
  private final ScheduledExecutorService heartbeat;
  private volatile boolean lost;
  private boolean closed;

  private TablesLock(
      String tables,
      Path lock,
      LockFiles files,
      LockHolder holder,
      Timing timing,
      Consumer<String> progress) {
    this.tables = tables;
    this.lock = lock;
    this.files = files;
    this.holder = holder;
    this.contents = holder.toBytes();
    this.progress = progress;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "msetl-tables-lock-heartbeat");
              t.setDaemon(true);
              return t;
            });
    long every = timing.heartbeat().toMillis();
    heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Takes the lock on {@code tables} for {@code runId}, waiting up to {@code wait} for another
   * holder to finish (zero: fail at once).
   *
   * @throws TablesLockedException when another run still holds it
   */
  public static TablesLock acquire(
      String tables, Configuration conf, String runId, Duration wait, Consumer<String> progress) {
    return acquire(tables, conf, runId, wait, Timing.DEFAULT, progress);
  }

  public static TablesLock acquire(
      String tables,
      Configuration conf,
      String runId,
      Duration wait,
      Timing timing,
      Consumer<String> progress) {
    Path root = new Path(tables);
    Path lock = new Path(root, FILE);
    LockHolder me = LockHolder.thisProcess(runId);
    long deadline = System.nanoTime() + wait.toNanos();
    boolean toldWaiting = false;
    try {
      LockFiles files = LockFiles.forPath(lock, conf);
      root.getFileSystem(conf).mkdirs(root);
      while (true) {
        Optional<LockHolder> other = tryOnce(files, lock, me, timing, progress);
        if (other == null) {
          return new TablesLock(tables, lock, files, me, timing, progress);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new TablesLockedException(tables, other.orElse(null), wait.toSeconds());
        }
        if (!toldWaiting) {
          progress.accept(
              "waiting up to "
                  + wait.toSeconds()
                  + " s for the tables lock held by "
                  + other.map(LockHolder::describe).orElse("another run"));
          toldWaiting = true;
        }
        Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 500));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the tables lock " + lock + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the tables lock " + lock);
    }
  }

  /** Null when the lock is now ours, else the current holder (empty when unreadable). */
  private static Optional<LockHolder> tryOnce(
      LockFiles files, Path lock, LockHolder me, Timing timing, Consumer<String> progress)
      throws IOException {
    for (int attempt = 0; attempt < 3; attempt++) {
      if (files.createNew(lock, me.toBytes())) {
        return null;
      }
      Optional<LockFiles.Snapshot> seen = files.read(lock);
      if (seen.isEmpty()) {
        continue; // released between our create and our read: try again
      }
      Optional<LockHolder> holder = LockHolder.parse(seen.get().bytes());
      if (!isStale(seen.get(), holder, timing)) {
        return holder;
      }
      if (!breakStale(files, lock, seen.get(), timing)) {
        return holder;
      }
      progress.accept(
          "took over a stale tables lock of "
              + holder.map(LockHolder::describe).orElse("an unreadable holder")
              + " ("
              + (holder.isPresent() && holder.get().isDeadOnThisHost()
                  ? "its process is gone"
                  : "no heartbeat for " + ageSeconds(seen.get()) + " s")
              + ")");
    }
    return Optional.empty();
  }

  private static boolean isStale(
      LockFiles.Snapshot seen, Optional<LockHolder> holder, Timing timing) {
    if (holder.isPresent() && holder.get().isDeadOnThisHost()) {
      return true;
    }
    // An unreadable lock is one being written right now, or one whose writer died mid-write:
    // only its age can tell them apart.
    return System.currentTimeMillis() - seen.modifiedMillis() > timing.staleAfter().toMillis();
  }

  /**
   * Deletes the stale lock {@code seen} if this process wins the right to; false when another
   * process is taking it over, or the lock changed meanwhile.
   */
  private static boolean breakStale(
      LockFiles files, Path lock, LockFiles.Snapshot seen, Timing timing) throws IOException {
    String key = sha256(seen.bytes());
    for (int generation = 1; generation <= BREAK_GENERATIONS; generation++) {
      Path breaker = breakFile(lock, key, generation);
      if (files.createNew(breaker, new byte[0])) {
        try {
          Optional<LockFiles.Snapshot> now = files.read(lock);
          boolean same =
              now.isPresent()
                  && Arrays.equals(now.get().bytes(), seen.bytes())
                  && isStale(now.get(), LockHolder.parse(now.get().bytes()), timing);
          if (same) {
            files.delete(lock);
            // The stale contents are gone for good: every break file of them is now moot.
            for (int g = 1; g <= BREAK_GENERATIONS; g++) {
              files.delete(breakFile(lock, key, g));
            }
          }
          return same || now.isEmpty();
        } finally {
          files.delete(breaker);
        }
      }
      Optional<LockFiles.Snapshot> other = files.read(breaker);
      if (other.isPresent()
          && System.currentTimeMillis() - other.get().modifiedMillis()
              <= timing.staleAfter().toMillis()) {
        return false; // someone else is taking it over right now
      }
      // that breaker died: the next generation
    }
    return false;
  }

  private static Path breakFile(Path lock, String key, int generation) {
    return new Path(lock.getParent(), lock.getName() + ".break-" + key + "-" + generation);
  }

  private static long ageSeconds(LockFiles.Snapshot s) {
    return (System.currentTimeMillis() - s.modifiedMillis()) / 1000;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
          .substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void beat() {
    if (lost) {
      return;
    }
    try {
      Optional<LockFiles.Snapshot> now = files.read(lock);
      if (now.isEmpty() || !Arrays.equals(now.get().bytes(), contents)) {
        lost = true;
        progress.accept(
            "warning: the tables lock on "
                + tables
                + " was taken over by another run (this process stopped heartbeating for too long);"
                + " its writes may now overlap");
        return;
      }
      files.touch(lock);
    } catch (IOException | RuntimeException e) {
      progress.accept("warning: tables lock heartbeat failed: " + e.getMessage());
    }
  }

  public LockHolder holder() {
    return holder;
  }

  /** True once another process took the lock over (this holder stopped heartbeating too long). */
  public boolean lost() {
    return lost;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    heartbeat.shutdownNow();
    try {
      Optional<LockFiles.Snapshot> now = files.read(lock);
      if (now.isPresent() && Arrays.equals(now.get().bytes(), contents)) {
        files.delete(lock);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the tables lock " + lock + ": " + e, e);
    }
  }

  @Override
  public String toString() {
    return "tables lock " + lock + " held by " + holder.describe();
  }
}
