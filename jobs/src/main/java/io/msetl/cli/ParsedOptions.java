package io.msetl.cli;

import io.msetl.errors.MsetlErrors;
import java.util.List;
import java.util.Map;

/** The values of a command's options after parsing: command line over config file over defaults. */
public final class ParsedOptions {
  private final Map<String, String> values;
  private final Map<String, String> positionals;
  private final List<String> warnings;

  ParsedOptions(
      Map<String, String> values, Map<String, String> positionals, List<String> warnings) {
    this.values = Map.copyOf(nonNull(values));
    this.positionals = Map.copyOf(positionals);
    this.warnings = List.copyOf(warnings);
  }

  /** One line each: what the user should change (a deprecated option name, ...). */
  public List<String> warnings() {
    return warnings;
  }

  private static Map<String, String> nonNull(Map<String, String> m) {
    Map<String, String> copy = new java.util.LinkedHashMap<>();
    m.forEach(
        (k, v) -> {
          if (v != null) {
            copy.put(k, v);
          }
        });
    return copy;
  }

  /** The option's value, or null when it has neither a value nor a default. */
  public String get(String name) {
    return values.get(name);
  }

  public String require(String name) {
    String v = values.get(name);
    if (v == null || v.isBlank()) {
      throw MsetlErrors.invalidUsage("option --" + name + " is required");
    }
    return v;
  }

  public boolean flag(String name) {
    return Boolean.parseBoolean(values.getOrDefault(name, "false"));
  }

  public int intValue(String name) {
    String v = require(name);
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw MsetlErrors.invalidUsage(
          "option --" + name + " expects a whole number, got '" + v + "'");
    }
  }

  public long longValue(String name) {
    String v = require(name);
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw MsetlErrors.invalidUsage(
          "option --" + name + " expects a whole number, got '" + v + "'");
    }
  }

  public double doubleValue(String name) {
    String v = require(name);
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw MsetlErrors.invalidUsage("option --" + name + " expects a number, got '" + v + "'");
    }
  }

  /** A positional argument, or null when it was optional and not given. */
  public String positional(String name) {
    return positionals.get(name);
  }

  /** All option values, for recording the effective configuration of a run. */
  public Map<String, String> asMap() {
    return values;
  }
}
