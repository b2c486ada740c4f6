package io.msetl.lightdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The LightDB test vectors (copied from the project's shared/testdata/lightdb, written by the
 * original C library; see src/test/resources/vectors/README.md): files, their flat JSON facts and
 * their record text.
 */
public final class Vectors {
  private Vectors() {}

  public static Path dir() {
    Path p = Paths.get("src/test/resources/vectors").toAbsolutePath();
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException(
          "LightDB test vectors not found at " + p + " (run the tests from lightdb/)");
    }
    return p;
  }

  public static Path ldb(String name) {
    return dir().resolve(name + ".ldb");
  }

  static List<String> names() {
    try (Stream<Path> s = Files.list(dir())) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".ldb"))
          .map(n -> n.substring(0, n.length() - 4))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flat JSON fields of a vector's {@code .ldb.json}, values as raw text (strings unquoted). */
  static final class Facts {
    private final String json;

    Facts(String json) {
      this.json = json;
    }

    String text(String field) {
      Matcher m =
          Pattern.compile("\"" + field + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}\\s]+)")
              .matcher(json);
      if (!m.find()) {
        throw new IllegalArgumentException("no field " + field);
      }
      return m.group(2) != null ? m.group(2) : m.group(1);
    }

    long number(String field) {
      return Long.parseLong(text(field));
    }

    int integer(String field) {
      return Integer.parseInt(text(field));
    }

    boolean has(String field) {
      return json.contains("\"" + field + "\"");
    }

    Schema schema() {
      return new Schema(
          ElementType.ofCode(integer("key_type")),
          integer("key_elements"),
          ElementType.ofCode(integer("data_type")),
          integer("data_elements"),
          integer("max_items"));
    }
  }

  static Facts facts(String name) {
    try {
      return new Facts(Files.readString(dir().resolve(name + ".ldb.json"), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Expected records of a vector, in key order. */
  static List<Record> records(String name) {
    Facts f = facts(name);
    Schema s = f.schema();
    try {
      List<Record> out = new ArrayList<>();
      for (String line :
          Files.readAllLines(dir().resolve(f.text("records_file")), StandardCharsets.UTF_8)) {
        if (line.isEmpty()) {
          continue;
        }
        String[] t = line.split(" ");
        byte[] key = Elements.parse(s.keyType(), s.keyElements(), t, 0);
        byte[] data = Elements.parse(s.dataType(), s.dataElements(), t, s.keyElements());
        out.add(new Record(key, data));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LightDbOptions optionsFor(Schema s) {
    return s.keyType() == ElementType.UNDEFINED
        ? LightDbOptions.defaults().withComparator(KeyComparator.MEMCMP)
        : LightDbOptions.defaults();
  }
}
