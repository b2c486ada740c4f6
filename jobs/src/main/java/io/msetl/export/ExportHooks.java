package io.msetl.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Crash-safety testing: with {@code -Dmsetl.export.pauseBeforePublish=FILE} the exporter creates
 * FILE once every shard and the manifest are staged, then waits (up to ten minutes) right before
 * publishing, so a test can kill the process at the worst moment.
 */
final class ExportHooks {
  static final String PAUSE_BEFORE_PUBLISH = "msetl.export.pauseBeforePublish";

  private ExportHooks() {}

  static void beforePublish() throws IOException, InterruptedException {
    String marker = System.getProperty(PAUSE_BEFORE_PUBLISH);
    if (marker == null || marker.isBlank()) {
      return;
    }
    Files.writeString(Path.of(marker), "staged\n");
    Thread.sleep(600_000);
  }
}
