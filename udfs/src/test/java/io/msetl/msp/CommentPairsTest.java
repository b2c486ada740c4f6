package io.msetl.msp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommentPairsTest {
  @Test
  void quotedPairsSemicolonListsAndKeyQuotedValueTokens() {
    assertEquals(
        List.of(Map.entry("SMILES", "CCO"), Map.entry("computed InChI", "InChI=1S/x")),
        CommentPairs.parse("\"SMILES=CCO\" \"computed InChI=InChI=1S/x\""));
    assertEquals(
        List.of(Map.entry("instrument", "JEOL JMS-01-SG"), Map.entry("license", "CC BY-NC-SA")),
        CommentPairs.parse(
            "MassBank MSBNK-X; EI-B; instrument=JEOL JMS-01-SG; license=CC BY-NC-SA"));
    assertEquals(
        List.of(
            Map.entry("ColumnType", "Semi-standard non-polar, 30m"),
            Map.entry("RIDataType", "Kovats")),
        CommentPairs.parse("ColumnType=\"Semi-standard non-polar, 30m\" RIDataType=\"Kovats\""));
    assertEquals(
        List.of(Map.entry("Spec", "Consensus"), Map.entry("Protein", "TNNC1_BOVIN")),
        CommentPairs.parse("Spec=Consensus word Protein=\"TNNC1_BOVIN\""));
    assertEquals(List.of(), CommentPairs.parse("Some comment"));
  }
}
