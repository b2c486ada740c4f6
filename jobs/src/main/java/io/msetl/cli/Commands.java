package io.msetl.cli;

import java.util.List;

/** Every command of the CLI, in the order {@code --help} lists them. */
final class Commands {
  private Commands() {}

  private static final List<Command> ALL = List.of(
      new io.msetl.build.BuildCommand(),
      new io.msetl.export.ExportCommand(),
      new io.msetl.verify.VerifyCommand(),
      new NightlyCommand());

  private static final List<PassThroughCommand> TOOLS = List.of(new LightDbCommand(), new BenchCommand());

  static List<Command> all() {
    return ALL;
  }

  static List<PassThroughCommand> tools() {
    return TOOLS;
  }

  static PassThroughCommand findTool(String name) {
    return TOOLS.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  static Command find(String name) {
    return ALL.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }
}
