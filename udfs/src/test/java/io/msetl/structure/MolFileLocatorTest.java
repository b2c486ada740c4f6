package io.msetl.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MolFileLocatorTest {
  @Test
  void findsTheFileNamedByThePatternExactlyOrIgnoringCase(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("ID1.MOL"), "one");
    Files.writeString(dir.resolve("id2.mol"), "two");
    MolFileLocator loc = new MolFileLocator(dir.toString(), "ID{id}.MOL", new Configuration());
    assertEquals("one", loc.find("1").text());
    assertTrue(loc.find("1").path().endsWith("/ID1.MOL"));
    assertEquals("two", loc.find("2").text());
    assertTrue(loc.find("2").path().endsWith("/id2.mol"));
    assertNull(loc.find("3"));
  }

  @Test
  void idsThatAreNotFileNamesAreNeverLookedUp() {
    assertNull(MolFileLocator.fileName("ID{id}.MOL", "../etc/passwd"));
    assertNull(MolFileLocator.fileName("ID{id}.MOL", " "));
    assertEquals("C42.mol", MolFileLocator.fileName("C{id}.mol", "42"));
  }
}
