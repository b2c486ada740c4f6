package io.msetl.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.msetl.testing.Oracles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Python reader and its tests pass pyflakes (Debian python3-pyflakes): no unused or undefined
 * names, no imports that shadow each other. The reader is code users run, so it is checked as the
 * Java is.
 */
class PythonReaderLintTest {
  private static final String PYTHON = "/usr/bin/python3";

  @Test
  void theReaderHasNoPyflakesFindings() throws Exception {
    Oracles.assumeAvailable(
        Files.isExecutable(Path.of(PYTHON)) && run(List.of(PYTHON, "-m", "pyflakes", "--version")),
        "pyflakes is not installed (apt-get install python3-pyflakes)");
    Path notebooks = Path.of("").toAbsolutePath().getParent().resolve("notebooks");
    Process p =
        new ProcessBuilder(PYTHON, "-m", "pyflakes", notebooks.toString())
            .redirectErrorStream(true)
            .start();
    String findings = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals("", findings);
    assertEquals(0, p.waitFor(), findings);
  }

  private static boolean run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor() == 0;
  }
}
