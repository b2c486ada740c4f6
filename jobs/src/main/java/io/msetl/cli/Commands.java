package io.msetl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Every command of the CLI, in the order {@code --help} lists them. */
final class Commands {
  private Commands() {}

  private static final List<Command> ALL =
      List.of(
          new io.msetl.build.BuildCommand(),
          new io.msetl.export.ExportCommand(),
          new io.msetl.verify.VerifyCommand(),
          new NightlyCommand(),
          new io.msetl.gc.GcCommand());

  /**
   * Tools: the LightDB file tool, plus any {@link PassThroughCommand} found on the classpath (the
   * {@code bench} module provides {@code msetl bench}; the cluster jar has none).
   */
  private static final List<PassThroughCommand> TOOLS = discoverTools();

  private static List<PassThroughCommand> discoverTools() {
    List<PassThroughCommand> tools = new ArrayList<>(List.of(new LightDbCommand()));
    ServiceLoader.load(PassThroughCommand.class, Commands.class.getClassLoader())
        .forEach(tools::add);
    return List.copyOf(tools);
  }

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
