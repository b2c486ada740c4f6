package io.msetl.msp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Format detection from the content of every corpus file, whatever its name. */
class LibraryFormatTest {

  private static LibraryFormat detect(Path p, String asName) throws IOException {
    try (InputStream raw = Files.newInputStream(p);
        InputStream in = p.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      byte[] head = in.readNBytes(LibraryFormat.HEAD_BYTES);
      return LibraryFormat.detect(head, head.length, asName);
    }
  }

  private static LibraryFormat expected(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".mgf")
        ? LibraryFormat.MGF
        : n.contains(".sdf")
            ? LibraryFormat.SDF
            : n.endsWith(".txt") ? LibraryFormat.MASSBANK : LibraryFormat.MSP;
  }

  @Test
  void everyCorpusFileIsDetectedFromItsContentEvenUnderAnotherName() throws IOException {
    List<Path> files;
    try (Stream<Path> a = Files.list(Fixtures.path("msp-dialects"));
        Stream<Path> b = Files.list(Fixtures.path("mgf"))) {
      files = Stream.concat(a, b).filter(p -> !p.toString().endsWith(".md")).sorted().toList();
    }
    assertEquals(29 + 12, files.size());
    for (Path p : files) {
      assertEquals(expected(p), detect(p, p.getFileName().toString()), p.toString());
      assertEquals(expected(p), detect(p, "library.dat"), p + " without its extension");
    }
    Path nist = Fixtures.path("nist-small/library.sdf");
    assertEquals(LibraryFormat.SDF, detect(nist, "library.msp"));
  }

  @Test
  void namesAndOverrides() {
    assertNull(LibraryFormat.parse("auto"));
    assertEquals(LibraryFormat.MASSBANK, LibraryFormat.parse("MassBank"));
    assertEquals(
        "unknown input format 'mzml': use auto, msp, sdf, mgf or massbank",
        assertThrows(IllegalArgumentException.class, () -> LibraryFormat.parse("mzml"))
            .getMessage());
    assertEquals(LibraryFormat.MSP, LibraryFormat.detect(new byte[0], 0, "empty.msp"));
  }
}
