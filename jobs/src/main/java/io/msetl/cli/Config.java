package io.msetl.cli;

import io.msetl.errors.MsetlErrors;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The configuration file: Java properties where {@code <command>.<option>=value} sets a command's
 * option default and {@code spark.*} keys go to Spark. The command line always wins.
 */
public final class Config {
  private final Map<String, String> entries;

  private Config(Map<String, String> entries) {
    this.entries = entries;
  }

  /**
   * Loads {@code file} (relative to the working directory), or {@code conf/msetl.properties} in
   * home when null.
   */
  public static Config load(Path home, String file) {
    Path path = file != null ? Path.of(file) : home.resolve("conf").resolve("msetl.properties");
    Map<String, String> map = new TreeMap<>();
    if (!Files.exists(path)) {
      if (file != null) {
        throw MsetlErrors.invalidUsage("configuration file " + file + " does not exist");
      }
      return new Config(map);
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw MsetlErrors.invalidUsage(
          "cannot read configuration file " + path + ": " + e.getMessage());
    }
    p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k).trim()));
    return new Config(map);
  }

  /** No file: every option at its built-in default, no Spark settings. */
  public static Config empty() {
    return new Config(new TreeMap<>());
  }

  /**
   * The {@code spark.*} keys, for the Spark session of every command. Settings given to
   * spark-submit ({@code --conf}) win over these, as the command line wins over the file.
   */
  public Map<String, String> sparkSettings() {
    Map<String, String> m = new TreeMap<>();
    entries.forEach(
        (k, v) -> {
          if (k.startsWith("spark.")) {
            m.put(k, v);
          }
        });
    return m;
  }

  /** The option defaults for one command: keys {@code <command>.<option>}, without the prefix. */
  public Map<String, String> forCommand(String command) {
    Map<String, String> m = new TreeMap<>();
    String prefix = command + ".";
    entries.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            m.put(k.substring(prefix.length()), v);
          }
        });
    return m;
  }
}
