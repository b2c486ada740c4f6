package io.msetl.cli;

import java.util.List;

/** Every command of the CLI, in the order {@code --help} lists them. */
final class Commands {
  private Commands() {}

  private static final List<Command> ALL = List.of(new io.msetl.export.ExportCommand(), new io.msetl.verify.VerifyCommand());

  static List<Command> all() {
    return ALL;
  }

  static Command find(String name) {
    return ALL.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }
}
