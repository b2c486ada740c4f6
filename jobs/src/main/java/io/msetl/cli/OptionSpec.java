package io.msetl.cli;

import io.msetl.errors.MsetlErrors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options a command accepts, each with a default and one line of help. {@code --help} output is
 * generated from this, so the help can never disagree with what is parsed.
 */
public final class OptionSpec {
  /** One {@code --name VALUE} option, or a {@code --name} flag when {@code valueName} is null. */
  public record Option(String name, String valueName, String defaultValue, String help) {
    boolean isFlag() {
      return valueName == null;
    }
  }

  /** A positional argument. */
  public record Positional(String name, boolean required, String help) {}

  private final Map<String, Option> options = new LinkedHashMap<>();
  private final List<Positional> positionals = new ArrayList<>();
  private final Map<String, String> renamed = new LinkedHashMap<>();

  public OptionSpec option(String name, String valueName, String defaultValue, String help) {
    options.put(name, new Option(name, valueName, defaultValue, help));
    return this;
  }

  /**
   * {@code --oldName} (and the config key {@code <command>.oldName}) still sets {@code --newName}
   * for one release, with a deprecation warning; help shows only the new name.
   */
  public OptionSpec renamed(String oldName, String newName) {
    renamed.put(oldName, newName);
    return this;
  }

  public OptionSpec flag(String name, String help) {
    options.put(name, new Option(name, null, "false", help));
    return this;
  }

  public OptionSpec positional(String name, boolean required, String help) {
    positionals.add(new Positional(name, required, help));
    return this;
  }

  public Map<String, Option> options() {
    return Collections.unmodifiableMap(options);
  }

  public List<Positional> positionals() {
    return Collections.unmodifiableList(positionals);
  }

  /**
   * Parses {@code args}; values from {@code configured} (the config file) replace built-in
   * defaults, and the command line replaces both.
   */
  public ParsedOptions parse(List<String> args, Map<String, String> configured) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    for (Option o : options.values()) {
      values.put(o.name(), configured.getOrDefault(o.name(), o.defaultValue()));
    }
    renamed.forEach(
        (oldName, newName) -> {
          if (configured.containsKey(oldName) && !configured.containsKey(newName)) {
            values.put(newName, configured.get(oldName));
            warnings.add(deprecation("configuration key ", oldName, newName));
          }
        });
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("--") && a.length() > 2) {
        String name = a.substring(2);
        String inline = null;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          inline = name.substring(eq + 1);
          name = name.substring(0, eq);
        }
        if (renamed.containsKey(name)) {
          warnings.add(deprecation("--", name, renamed.get(name)));
          name = renamed.get(name);
        }
        Option o = options.get(name);
        if (o == null) {
          throw MsetlErrors.invalidUsage("unknown option --" + name + " (see --help)");
        }
        if (o.isFlag()) {
          values.put(name, inline == null ? "true" : inline);
        } else if (inline != null) {
          values.put(name, inline);
        } else if (i + 1 < args.size()) {
          values.put(name, args.get(++i));
        } else {
          throw MsetlErrors.invalidUsage("option --" + name + " needs a value " + o.valueName());
        }
      } else {
        rest.add(a);
      }
    }
    long required = positionals.stream().filter(Positional::required).count();
    if (rest.size() < required) {
      throw MsetlErrors.invalidUsage(
          "missing argument " + positionals.get(rest.size()).name() + " (see --help)");
    }
    if (rest.size() > positionals.size()) {
      throw MsetlErrors.invalidUsage(
          "unexpected argument '" + rest.get(positionals.size()) + "' (see --help)");
    }
    Map<String, String> pos = new LinkedHashMap<>();
    for (int i = 0; i < rest.size(); i++) {
      pos.put(positionals.get(i).name(), rest.get(i));
    }
    return new ParsedOptions(values, pos, warnings);
  }

  private static String deprecation(String what, String oldName, String newName) {
    return what
        + oldName
        + " is deprecated, use "
        + (what.startsWith("--") ? "--" : "")
        + newName
        + " (the old name goes in the next release)";
  }

  /** The option table for {@code --help}: every option with its default. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (Positional p : positionals) {
      sb.append(
          String.format("  %-28s %s%s%n", p.name(), p.help(), p.required() ? "" : " (optional)"));
    }
    for (Option o : options.values()) {
      String left = "--" + o.name() + (o.isFlag() ? "" : " " + o.valueName());
      String def =
          o.isFlag()
              ? ""
              : " [default: " + (o.defaultValue() == null ? "none" : o.defaultValue()) + "]";
      sb.append(String.format("  %-28s %s%s%n", left, o.help(), def));
    }
    return sb.toString();
  }
}
