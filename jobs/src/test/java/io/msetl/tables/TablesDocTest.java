package io.msetl.tables;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/**
 * docs/tables.md documents every column of every table, so the docs cannot drift from the schemas.
 */
class TablesDocTest {

  @Test
  void everyColumnOfEveryTableIsDocumented() throws IOException {
    Path p = Path.of("").toAbsolutePath();
    while (!Files.exists(p.resolve("docs/tables.md"))) {
      p = p.getParent();
    }
    String doc = Files.readString(p.resolve("docs/tables.md"));
    for (Tables t : Tables.values()) {
      int section = doc.indexOf("## `" + t.tableName() + "`");
      assertTrue(section >= 0, "docs/tables.md has a section for " + t.tableName());
      int next = doc.indexOf("\n## ", section + 1);
      String body = doc.substring(section, next < 0 ? doc.length() : next);
      for (StructField f : t.schema().fields()) {
        assertTrue(
            body.contains("| `" + f.name() + "` |"),
            t.tableName() + "." + f.name() + " is documented");
      }
    }
  }
}
