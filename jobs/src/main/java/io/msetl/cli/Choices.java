package io.msetl.cli;

import io.msetl.errors.MsetlErrors;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Parses an option value into one of an enum's constants, naming the allowed values when it is not
 * one.
 */
public final class Choices {
  private Choices() {}

  public static <E extends Enum<E>> E parse(Class<E> type, String option, String value) {
    String wanted = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(wanted)) {
        return e;
      }
    }
    throw MsetlErrors.invalidUsage(
        "option --" + option + " must be one of " + names(type) + ", got '" + value + "'");
  }

  public static <E extends Enum<E>> String names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .collect(Collectors.joining(", "));
  }

  /** The value of {@code true}/{@code false} options, strictly. */
  public static boolean bool(String option, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default ->
          throw MsetlErrors.invalidUsage(
              "option --" + option + " must be true or false, got '" + value + "'");
    };
  }
}
