package io.msetl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MsetlHelpTest {

  @Test
  void globalHelpListsEveryCommand() {
    CliRun r = CliRun.of("--help");
    assertEquals(0, r.exitCode());
    for (Command c : Commands.all()) {
      assertTrue(r.out().contains(c.name()), "help lists " + c.name());
    }
  }

  @Test
  void everyCommandsHelpListsEveryOptionWithItsDefault() {
    for (Command c : Commands.all()) {
      CliRun r = CliRun.of(c.name(), "--help");
      assertEquals(0, r.exitCode(), c.name());
      for (OptionSpec.Option o : c.options().options().values()) {
        assertTrue(r.out().contains("--" + o.name()), c.name() + " --help names --" + o.name());
        if (o.valueName() != null) {
          assertTrue(
              r.out()
                  .contains(
                      "[default: " + (o.defaultValue() == null ? "none" : o.defaultValue()) + "]"),
              c.name() + " --help shows the default of --" + o.name());
        }
      }
    }
  }

  @Test
  void anUnknownCommandIsOneLineAndExitCodeTwo() {
    CliRun r = CliRun.of("bild");
    assertEquals(2, r.exitCode());
    assertEquals("msetl: error: unknown command 'bild' (see msetl --help)\n", r.err());
  }

  @Test
  void anUnknownOptionIsOneLineWithoutStackTrace() {
    CliRun r = CliRun.of("build", "--inptu", "x");
    assertEquals(2, r.exitCode());
    assertEquals("msetl build: error: unknown option --inptu (see --help)\n", r.err());
    assertFalse(r.err().contains("at io.msetl"));
  }

  @Test
  void aMissingConfigFileIsNamed() {
    CliRun r = CliRun.of("--conf", "/nonexistent/msetl.properties", "build");
    assertEquals(2, r.exitCode());
    assertTrue(
        r.err().contains("configuration file /nonexistent/msetl.properties does not exist"),
        r.err());
  }
}
