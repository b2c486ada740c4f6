package io.msetl.cli;

import java.util.List;

/** One {@code ./msetl <command>}. */
public interface Command {
  /** The word typed after {@code msetl}. */
  String name();

  /** One line for {@code msetl --help}. */
  String summary();

  /** The options and arguments it accepts, with defaults; drives parsing and {@code --help}. */
  OptionSpec options();

  /**
   * Does the work. Problems with the user's input are {@link
   * io.msetl.errors.InvalidInputException}s (see {@link io.msetl.errors.MsetlErrors}); any other
   * exception is reported as one line too (with the stack trace only under --verbose).
   *
   * @return the process exit code (0 = success)
   */
  int run(ParsedOptions options, CliContext context) throws Exception;

  /** Extra text after the option table in {@code --help} (examples); empty by default. */
  default List<String> examples() {
    return List.of();
  }
}
