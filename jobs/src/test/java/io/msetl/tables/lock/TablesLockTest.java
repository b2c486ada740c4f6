package io.msetl.tables.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer lock between real processes: contention, SIGKILL, SIGSTOP, --wait. */
class TablesLockTest {
  private static final TablesLock.Timing FAST =
      new TablesLock.Timing(Duration.ofMillis(200), Duration.ofMillis(1500));

  @TempDir Path tmp;

  private TablesLock acquire(Path tables, Duration wait, TablesLock.Timing timing) {
    return TablesLock.acquire(
        tables.toString(), new Configuration(), "test-run", wait, timing, m -> {});
  }

  @Test
  void aSecondProcessFailsAtOnceWithOneLineNamingTheHolder() throws Exception {
    Path tables = tmp.resolve("tables");
    try (ChildJvm holder =
        ChildJvm.start(LockHolderMain.class.getName(), tables.toString(), "60000")) {
      holder.await("HELD", 60);
      long t0 = System.nanoTime();
      TablesLockedException e =
          assertThrows(
              TablesLockedException.class,
              () -> acquire(tables, Duration.ZERO, TablesLock.Timing.DEFAULT));
      assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "fails at once");
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
      assertTrue(e.getMessage().contains("pid " + holder.pid()), e.getMessage());
      assertTrue(e.getMessage().contains("run holder-" + holder.pid()), e.getMessage());
      assertTrue(e.getMessage().contains("host " + LockHolder.hostName()), e.getMessage());
      assertEquals(holder.pid(), e.holder().pid());
    }
  }

  @Test
  void aSigkilledHoldersLockIsTakenOverAtOnce() throws Exception {
    Path tables = tmp.resolve("tables");
    try (ChildJvm holder =
        ChildJvm.start(LockHolderMain.class.getName(), tables.toString(), "60000")) {
      holder.await("HELD", 60);
      holder.process.destroyForcibly(); // SIGKILL: no shutdown hook, the lock file stays
      assertTrue(holder.process.waitFor(10, TimeUnit.SECONDS));
      assertTrue(Files.exists(tables.resolve(TablesLock.FILE)), "the dead holder's lock is left");
      try (TablesLock lock = acquire(tables, Duration.ZERO, TablesLock.Timing.DEFAULT)) {
        String text = Files.readString(tables.resolve(TablesLock.FILE), StandardCharsets.UTF_8);
        assertTrue(text.contains("pid=" + ProcessHandle.current().pid()), text);
        assertEquals(ProcessHandle.current().pid(), lock.holder().pid());
      }
      assertFalse(Files.exists(tables.resolve(TablesLock.FILE)), "close() releases");
    }
  }

  @Test
  void waitGetsTheLockWhenTheHolderReleasesIt() throws Exception {
    Path tables = tmp.resolve("tables");
    try (ChildJvm holder =
        ChildJvm.start(LockHolderMain.class.getName(), tables.toString(), "2000")) {
      holder.await("HELD", 60);
      try (TablesLock lock = acquire(tables, Duration.ofSeconds(60), TablesLock.Timing.DEFAULT)) {
        assertTrue(holder.out().contains("RELEASED"), "acquired only after the holder released");
        assertEquals(ProcessHandle.current().pid(), lock.holder().pid());
      }
    }
  }

  @Test
  void waitGivesUpAfterItsSeconds() throws Exception {
    Path tables = tmp.resolve("tables");
    try (ChildJvm holder =
        ChildJvm.start(LockHolderMain.class.getName(), tables.toString(), "60000")) {
      holder.await("HELD", 60);
      long t0 = System.nanoTime();
      TablesLockedException e =
          assertThrows(
              TablesLockedException.class,
              () -> acquire(tables, Duration.ofSeconds(2), TablesLock.Timing.DEFAULT));
      double waited = (System.nanoTime() - t0) / 1e9;
      assertTrue(waited >= 2 && waited < 10, "waited " + waited + " s");
      assertTrue(e.getMessage().endsWith("still locked after waiting 2 s"), e.getMessage());
    }
  }

  @Test
  void aPausedHolderWhoseHeartbeatStoppedIsTakenOverAndNoticesWhenResumed() throws Exception {
    Path tables = tmp.resolve("tables");
    try (ChildJvm holder =
        ChildJvm.start(LockHolderMain.class.getName(), tables.toString(), "60000", "200", "1500")) {
      holder.await("HELD", 60);
      // Alive but frozen: its pid exists, only the heartbeat's age can show it is not working.
      holder.signal("STOP");
      assertThrows(TablesLockedException.class, () -> acquire(tables, Duration.ZERO, FAST));
      Thread.sleep(2500);
      try (TablesLock lock = acquire(tables, Duration.ZERO, FAST)) {
        assertEquals(ProcessHandle.current().pid(), lock.holder().pid());
        holder.signal("CONT");
        holder.await("LOST", 30);
        assertFalse(lock.lost());
      }
    }
  }

  @Test
  void ofManyProcessesTakingOverOneStaleLockAtOnceExactlyOneWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 10; round++) {
        Path tables = Files.createDirectories(tmp.resolve("tables" + round));
        Path file = tables.resolve(TablesLock.FILE);
        LockHolder gone =
            new LockHolder("old-run", "another-host", 4242, Instant.EPOCH, Instant.EPOCH);
        Files.write(file, gone.toBytes());
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(600)));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TablesLock>> tries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          tries.add(
              pool.submit(
                  () -> {
                    go.await();
                    try {
                      return acquire(tables, Duration.ZERO, TablesLock.Timing.DEFAULT);
                    } catch (TablesLockedException e) {
                      return null;
                    }
                  }));
        }
        go.countDown();
        List<TablesLock> winners = new ArrayList<>();
        for (Future<TablesLock> f : tries) {
          TablesLock l = f.get(30, TimeUnit.SECONDS);
          if (l != null) {
            winners.add(l);
          }
        }
        assertEquals(1, winners.size(), "round " + round + ": one winner");
        assertFalse(winners.get(0).lost());
        winners.get(0).close();
        try (var files = Files.list(tables)) {
          assertEquals(List.of(), files.toList(), "no lock or break file is left behind");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFreshUnreadableLockIsRespectedAndAnOldOneTakenOver() throws Exception {
    Path tables = Files.createDirectories(tmp.resolve("tables"));
    Path file = tables.resolve(TablesLock.FILE);
    Files.write(file, new byte[0]); // a holder that created the file and is about to fill it
    assertThrows(
        TablesLockedException.class,
        () -> acquire(tables, Duration.ZERO, TablesLock.Timing.DEFAULT));
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(600)));
    try (TablesLock lock = acquire(tables, Duration.ZERO, TablesLock.Timing.DEFAULT)) {
      assertEquals("test-run", lock.holder().runId());
    }
  }
}
