package io.msetl.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Crash-safety testing: with {@code -Dmsetl.build.hook=POINT:FILE} the build creates FILE when it
 * reaches POINT ({@code featurize}: featurization is starting; {@code committed-TABLE}: TABLE was
 * just committed), and with {@code -Dmsetl.build.hookPause=true} it then waits up to ten minutes,
 * so a test can kill the process exactly there. Off unless set.
 */
public final class BuildHooks {
  static final String HOOK = "msetl.build.hook";
  static final String PAUSE = "msetl.build.hookPause";

  private BuildHooks() {}

  public static void reached(String point) {
    String spec = System.getProperty(HOOK);
    if (spec == null || !spec.startsWith(point + ":")) {
      return;
    }
    try {
      Files.writeString(Path.of(spec.substring(point.length() + 1)), point + "\n");
      if (Boolean.getBoolean(PAUSE)) {
        Thread.sleep(600_000);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
