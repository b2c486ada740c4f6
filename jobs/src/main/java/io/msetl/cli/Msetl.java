package io.msetl.cli;

import io.msetl.errors.InvalidInputException;
import io.msetl.errors.MsetlException;
import io.msetl.errors.TablesLockedException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of {@code ./msetl} and of {@code spark-submit --class io.msetl.cli.Msetl}.
 *
 * <p>Global options come before the command: {@code --conf FILE} (default {@code
 * conf/msetl.properties} in the msetl home), {@code --verbose}, {@code --help}.
 */
public final class Msetl {
  /** Exit codes, for schedulers: documented in {@code --help} and the README. */
  public static final int EXIT_OK = 0;

  public static final int EXIT_FAILED = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_LOCKED = 3;

  static final String EXIT_CODES =
      "exit codes:\n"
          + "  0  success\n"
          + "  1  the run failed (bad input data, Spark or I/O error: the message says which)\n"
          + "  2  usage error: unknown command or option, bad value, missing file\n"
          + "  3  another run holds the tables lock (build, nightly, gc): try later, or --wait\n";

  private Msetl() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    System.out.flush();
    // Spark leaves non-daemon threads behind; exit explicitly so the CLI returns promptly.
    System.exit(code);
  }

  /** Runs one command line and returns its exit code; never throws and never exits the JVM. */
  public static int run(String[] argv, PrintStream out, PrintStream err) {
    List<String> args = new ArrayList<>(List.of(argv));
    // Both spellings are removed from the arguments, so no short-circuit here.
    boolean verboseLong = args.remove("--verbose");
    boolean verboseShort = args.remove("-v");
    boolean verbose = verboseLong || verboseShort;
    Path home = home();
    String confFile = null;
    int confAt = args.indexOf("--conf");
    if (confAt >= 0 && (args.isEmpty() || confAt < firstCommandIndex(args))) {
      if (confAt + 1 >= args.size()) {
        err.println("msetl: error: --conf needs a file");
        return 2;
      }
      confFile = args.remove(confAt + 1);
      args.remove(confAt);
    }
    if (args.isEmpty()
        || args.get(0).equals("--help")
        || args.get(0).equals("-h")
        || args.get(0).equals("help")) {
      out.print(globalHelp());
      return args.isEmpty() ? 2 : 0;
    }
    String name = args.get(0);
    PassThroughCommand tool = Commands.findTool(name);
    if (tool != null) {
      try {
        return tool.run(args.subList(1, args.size()), new CliContext(out, err, home, verbose));
      } catch (Exception e) {
        err.println("msetl " + name + ": error: " + Errors.oneLine(e));
        return 1;
      }
    }
    Command command = Commands.find(name);
    if (command == null) {
      err.println("msetl: error: unknown command '" + name + "' (see msetl --help)");
      return 2;
    }
    List<String> rest = args.subList(1, args.size());
    if (rest.contains("--help") || rest.contains("-h")) {
      out.print(commandHelp(command));
      return 0;
    }
    try {
      Config config = Config.load(home, confFile);
      CliContext context = new CliContext(out, err, home, verbose, config, null);
      ParsedOptions options = command.options().parse(rest, config.forCommand(command.name()));
      options.warnings().forEach(w -> err.println("msetl " + name + ": warning: " + w));
      return command.run(options, context);
    } catch (Throwable e) {
      int code = exitCode(e);
      err.println("msetl " + name + ": error: " + message(e));
      if (verbose) {
        e.printStackTrace(err);
      } else if (code == 1) {
        err.println("(run with --verbose for the stack trace)");
      }
      return code;
    }
  }

  /**
   * The exit code of a failed command, the CLI's contract with scripts and schedulers: 2 the usage
   * or input is wrong, 3 another run holds the tables, 1 the run failed.
   */
  static int exitCode(Throwable e) {
    if (e instanceof InvalidInputException) {
      return 2;
    }
    if (e instanceof TablesLockedException
        || e instanceof io.msetl.tables.lock.TablesLockedException) {
      return 3;
    }
    return 1;
  }

  /** The one line to print: msetl's own errors as worded, anything else by its innermost cause. */
  static String message(Throwable e) {
    return e instanceof MsetlException || e instanceof io.msetl.tables.lock.TablesLockedException
        ? e.getMessage()
        : Errors.oneLine(e);
  }

  private static int firstCommandIndex(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      if (Commands.find(args.get(i)) != null || Commands.findTool(args.get(i)) != null) {
        return i;
      }
    }
    return args.size();
  }

  /**
   * The msetl home: {@code msetl.home} property (set by the launcher script), else the working
   * directory.
   */
  static Path home() {
    String h = System.getProperty("msetl.home");
    if (h != null && !h.isBlank()) {
      return Path.of(h);
    }
    Path cwd = Path.of("").toAbsolutePath();
    for (Path p = cwd; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("conf")) && Files.exists(p.resolve("msetl"))) {
        return p;
      }
    }
    return cwd;
  }

  static String globalHelp() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "msetl — mass-spectral libraries (MSP + MOL/SDF) to GNN training tables and shards\n\n");
    sb.append("usage: msetl [--conf FILE] [--verbose] <command> [options]\n\n");
    sb.append("commands:\n");
    for (Command c : Commands.all()) {
      sb.append(String.format("  %-10s %s%n", c.name(), c.summary()));
    }
    for (PassThroughCommand c : Commands.tools()) {
      sb.append(String.format("  %-10s %s%n", c.name(), c.summary()));
    }
    sb.append("\nglobal options:\n");
    sb.append(
        String.format(
            "  %-28s %s%n", "--conf FILE", "configuration file [default: conf/msetl.properties]"));
    sb.append(
        String.format("  %-28s %s%n", "--verbose, -v", "print stack traces and Spark's own log"));
    sb.append(
        String.format(
            "  %-28s %s%n", "--help, -h", "this help; 'msetl <command> --help' for a command"));
    sb.append('\n').append(EXIT_CODES);
    return sb.toString();
  }

  static String commandHelp(Command c) {
    StringBuilder sb = new StringBuilder();
    sb.append("usage: msetl ").append(c.name()).append(" [options]");
    for (OptionSpec.Positional p : c.options().positionals()) {
      sb.append(p.required() ? " " + p.name() : " [" + p.name() + "]");
    }
    sb.append("\n\n").append(c.summary()).append("\n\noptions:\n").append(c.options().describe());
    if (!c.examples().isEmpty()) {
      sb.append("\nexamples:\n");
      c.examples().forEach(e -> sb.append("  ").append(e).append('\n'));
    }
    sb.append('\n').append(EXIT_CODES);
    return sb.toString();
  }
}
