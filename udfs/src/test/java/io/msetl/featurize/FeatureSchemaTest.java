package io.msetl.featurize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FeatureSchemaTest {

  @Test
  void widthsAreTheSumOfTheDocumentedBlocks() {
    assertEquals(58, FeatureSchema.NODE_WIDTH);
    assertEquals(13, FeatureSchema.EDGE_WIDTH);
    assertEquals(21, FeatureSchema.NODE_BLOCKS.get(0).width());
    assertEquals(57, FeatureSchema.nodeOffset("atomic_mass"));
    assertEquals(7, FeatureSchema.edgeOffset("stereo"));
  }

  @Test
  void theJsonDocumentDescribesEveryArrayAndTheShapingSettings() throws Exception {
    String json = FeatureSchema.toJson(FeaturizerConfig.defaults().withExplicitHydrogens(true));
    JsonNode doc = new ObjectMapper().readTree(json);
    assertEquals("1.0.0", doc.get("feature_schema_version").asText());
    assertEquals("float32", doc.get("node_features").get("dtype").asText());
    assertEquals(58, doc.get("node_features").get("shape").get(1).asInt());
    JsonNode element = doc.get("node_features").get("blocks").get(0);
    assertEquals("element", element.get("name").asText());
    assertEquals("other", element.get("vocabulary").get(20).asText());
    JsonNode mass = doc.get("node_features").get("blocks").get(9);
    assertEquals(57, mass.get("offset").asInt());
    assertEquals("int32", doc.get("edge_index").get("dtype").asText());
    assertEquals(true, doc.get("config").get("explicit_hydrogens").asBoolean());
    assertEquals(50, doc.get("config").get("max_embed_attempts").asInt());
    assertEquals(
        json, FeatureSchema.toJson(FeaturizerConfig.defaults().withExplicitHydrogens(true)));
  }

  @Test
  void theLayoutCannotChangeWithoutANewVersion() {
    String fingerprint = io.msetl.digest.Sha256.hex(FeatureSchema.layoutJson());
    assertEquals(
        FeatureSchema.LAYOUT_SHA256,
        fingerprint,
        "the feature layout changed: bump FeatureSchema.VERSION (now "
            + FeatureSchema.VERSION
            + ") and set LAYOUT_SHA256 = \""
            + fingerprint
            + "\"");
  }

  @Test
  void elementsOutsideTheVocabularyShareTheOtherSlot() {
    assertEquals(0, FeatureSchema.elementSlot(1));
    assertEquals(2, FeatureSchema.elementSlot(6));
    assertEquals(19, FeatureSchema.elementSlot(80));
    assertEquals(20, FeatureSchema.elementSlot(92));
    assertEquals(20, FeatureSchema.elementSlot(0));
    assertEquals(20, FeatureSchema.elementSlot(200));
  }
}
