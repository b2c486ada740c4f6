package io.msetl.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SdfRecordTest {
  @Test
  void moleculeWithoutMEndEndsAtTheFirstDataItemAndMultiLineValuesKeepTheirLines() {
    String text =
        "\n  CDK\n\n  1  0  0  0  0  0  0  0  0  0999 V2000\n"
            + "    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\r\n"
            + ">  <NAME>\r\nMethane\r\n\r\n> <SYNONYMS>\r\nMarsh gas\r\nCH4\r\n\r\n>  <COMMENT>\r\nlicense=CC BY\r\nSMILES=C\r\n\r\n";
    SdfRecord r = SdfRecord.parse(text);
    assertEquals(5, r.molblockLines().size());
    assertEquals("Methane", r.property("name"));
    assertEquals("Marsh gas\nCH4", r.property("SYNONYMS"));
    assertEquals("license=CC BY\nSMILES=C", r.property("COMMENT"));
    assertTrue(MolBlocks.normalize(r.molblockLines()).molblock().endsWith("M  END\n"));
  }
}
