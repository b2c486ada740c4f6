package io.msetl.featurize;

import java.util.List;

/**
 * The node and edge feature layout, versioned so that tables and shards can store it and a training
 * script can refuse data it does not understand. Bump {@link #VERSION} whenever a block, a
 * vocabulary, an order or an encoding changes.
 *
 * <p>Node features, in this order (width 58, float32, row-major n x 58):
 *
 * <table>
 *   <caption>atom features</caption>
 *   <tr><th>name</th><th>encoding</th><th>width</th><th>slots</th></tr>
 *   <tr><td>element</td><td>one-hot</td><td>21</td><td>H B C N O F Na Si P S Cl K Fe Ge As Se
 *       Br Sn I Hg, other</td></tr>
 *   <tr><td>degree</td><td>one-hot</td><td>7</td><td>0..5, 6+ (explicit graph neighbours)</td></tr>
 *   <tr><td>formal_charge</td><td>one-hot</td><td>5</td><td>-2..+2, clamped</td></tr>
 *   <tr><td>hybridization</td><td>one-hot</td><td>7</td><td>S SP SP2 SP3 SP3D SP3D2, other</td></tr>
 *   <tr><td>aromatic</td><td>flag</td><td>1</td><td></td></tr>
 *   <tr><td>total_h</td><td>one-hot</td><td>5</td><td>0..3, 4+ (implicit + explicit H)</td></tr>
 *   <tr><td>in_ring</td><td>flag</td><td>1</td><td></td></tr>
 *   <tr><td>ring_size</td><td>flags</td><td>6</td><td>member of a SSSR ring of size 3..8</td></tr>
 *   <tr><td>chirality</td><td>one-hot</td><td>4</td><td>unspecified, CW, CCW, other</td></tr>
 *   <tr><td>atomic_mass</td><td>scalar</td><td>1</td><td>mass in Da / 100</td></tr>
 * </table>
 *
 * Edge features (width 13, float32, E x 13), one row per directed edge, both directions of a bond
 * carrying the same row:
 *
 * <table>
 *   <caption>bond features</caption>
 *   <tr><th>name</th><th>encoding</th><th>width</th><th>slots</th></tr>
 *   <tr><td>bond_type</td><td>one-hot</td><td>5</td><td>single double triple aromatic, other</td></tr>
 *   <tr><td>conjugated</td><td>flag</td><td>1</td><td></td></tr>
 *   <tr><td>in_ring</td><td>flag</td><td>1</td><td></td></tr>
 *   <tr><td>stereo</td><td>one-hot</td><td>6</td><td>none any Z E cis trans</td></tr>
 * </table>
 *
 * Edge index: int32, 2 x E row-major (all sources, then all targets); bond k of the molecule gives
 * directed edges 2k (begin to end) and 2k+1 (end to begin). Coordinates: float32 n x 3 in Angstrom,
 * node order = atom order of the parent molblock (hydrogens appended after heavy atoms when
 * explicit hydrogens are on).
 */
public final class FeatureSchema {

  public static final String VERSION = "1.0.0";

  /**
   * SHA-256 of {@link #layoutJson()} at {@link #VERSION}. FeatureSchemaTest fails when the layout
   * changes and this does not: then bump VERSION (readers refuse versions they do not know) and set
   * this to the new fingerprint the test prints.
   */
  static final String LAYOUT_SHA256 =
      "5f5e2751e36fb47ade5d01ba8cbbf61b3f4f5493cee79a78a40caed610c11e7a";

  /** An element with a slot of its own in the element block. */
  public record Element(String symbol, int atomicNumber) {}

  /** The element vocabulary, in slot order; every other element goes to the trailing "other". */
  public static final List<Element> ELEMENT_VOCABULARY =
      List.of(
          new Element("H", 1),
          new Element("B", 5),
          new Element("C", 6),
          new Element("N", 7),
          new Element("O", 8),
          new Element("F", 9),
          new Element("Na", 11),
          new Element("Si", 14),
          new Element("P", 15),
          new Element("S", 16),
          new Element("Cl", 17),
          new Element("K", 19),
          new Element("Fe", 26),
          new Element("Ge", 32),
          new Element("As", 33),
          new Element("Se", 34),
          new Element("Br", 35),
          new Element("Sn", 50),
          new Element("I", 53),
          new Element("Hg", 80));

  public static final List<String> ELEMENTS =
      ELEMENT_VOCABULARY.stream().map(Element::symbol).toList();

  private static final int[] ELEMENT_SLOT = elementSlots();

  public static final List<FeatureBlock> NODE_BLOCKS =
      List.of(
          FeatureBlock.oneHot("element", concat(ELEMENTS, "other")),
          FeatureBlock.oneHot("degree", List.of("0", "1", "2", "3", "4", "5", "6+")),
          FeatureBlock.oneHot("formal_charge", List.of("-2", "-1", "0", "+1", "+2")),
          FeatureBlock.oneHot(
              "hybridization", List.of("S", "SP", "SP2", "SP3", "SP3D", "SP3D2", "other")),
          FeatureBlock.flags("aromatic", List.of("aromatic")),
          FeatureBlock.oneHot("total_h", List.of("0", "1", "2", "3", "4+")),
          FeatureBlock.flags("in_ring", List.of("in_ring")),
          FeatureBlock.flags("ring_size", List.of("3", "4", "5", "6", "7", "8")),
          FeatureBlock.oneHot("chirality", List.of("unspecified", "CW", "CCW", "other")),
          FeatureBlock.scalar("atomic_mass", "Da/100"));

  public static final List<FeatureBlock> EDGE_BLOCKS =
      List.of(
          FeatureBlock.oneHot(
              "bond_type", List.of("single", "double", "triple", "aromatic", "other")),
          FeatureBlock.flags("conjugated", List.of("conjugated")),
          FeatureBlock.flags("in_ring", List.of("in_ring")),
          FeatureBlock.oneHot("stereo", List.of("none", "any", "Z", "E", "cis", "trans")));

  public static final int NODE_WIDTH = width(NODE_BLOCKS);
  public static final int EDGE_WIDTH = width(EDGE_BLOCKS);

  private FeatureSchema() {}

  /** Slot of an atomic number inside the element block: its vocabulary index, else "other". */
  public static int elementSlot(int atomicNumber) {
    return atomicNumber > 0 && atomicNumber < ELEMENT_SLOT.length
        ? ELEMENT_SLOT[atomicNumber]
        : ELEMENTS.size();
  }

  private static int[] elementSlots() {
    int[] slots = new int[119];
    java.util.Arrays.fill(slots, ELEMENT_VOCABULARY.size());
    for (int i = 0; i < ELEMENT_VOCABULARY.size(); i++) {
      slots[ELEMENT_VOCABULARY.get(i).atomicNumber()] = i;
    }
    return slots;
  }

  /** Offset of a named node block inside a node feature row. */
  public static int nodeOffset(String name) {
    return offset(NODE_BLOCKS, name);
  }

  /** Offset of a named edge block inside an edge feature row. */
  public static int edgeOffset(String name) {
    return offset(EDGE_BLOCKS, name);
  }

  /**
   * The schema plus the settings that shape the arrays, as deterministic JSON (fixed key order),
   * for the {@code meta} table of shards and for table properties.
   */
  public static String toJson(FeaturizerConfig config) {
    StringBuilder b = new StringBuilder(2048);
    b.append("{\"feature_schema_version\":")
        .append(Json.quote(VERSION))
        .append(",\"featurizer_version\":")
        .append(Json.quote(MoleculeFeaturizer.VERSION))
        .append(',');
    appendLayout(b);
    b.append(",\"config\":{")
        .append("\"explicit_hydrogens\":")
        .append(config.explicitHydrogens())
        .append(",\"fragment_policy\":")
        .append(Json.quote(config.fragmentPolicy().name()))
        .append(",\"max_heavy_atoms\":")
        .append(config.maxHeavyAtoms())
        .append(",\"conformers\":")
        .append(config.conformers())
        .append(",\"embedding\":\"ETKDGv3\"")
        .append(",\"max_heavy_atoms_for_3d\":")
        .append(config.maxHeavyAtomsFor3D())
        .append(",\"max_embed_attempts\":")
        .append(config.maxEmbedAttempts())
        .append(",\"random_coords_retry\":")
        .append(config.randomCoordsRetry())
        .append(",\"fallback_to_2d\":")
        .append(config.fallbackTo2D())
        .append(",\"optimize\":")
        .append(config.optimize())
        .append(",\"force_field_iterations\":")
        .append(config.forceFieldIterations())
        .append(",\"embed_time_limit_millis\":")
        .append(config.embedTimeLimitMillis())
        .append(",\"embed_failure_policy\":")
        .append(Json.quote(config.embedFailurePolicy().name()))
        .append("}}");
    return b.toString();
  }

  /**
   * The layout alone (blocks, widths, vocabularies, orders, encodings, array shapes) as
   * deterministic JSON: what {@link #VERSION} versions, without the settings of a run.
   */
  public static String layoutJson() {
    StringBuilder b = new StringBuilder(2048).append('{');
    appendLayout(b);
    return b.append('}').toString();
  }

  private static void appendLayout(StringBuilder b) {
    b.append("\"node_features\":{\"dtype\":\"float32\",\"shape\":[\"num_atoms\",")
        .append(NODE_WIDTH)
        .append("],\"blocks\":");
    appendBlocks(b, NODE_BLOCKS);
    b.append("},\"edge_attr\":{\"dtype\":\"float32\",\"shape\":[\"num_edges\",")
        .append(EDGE_WIDTH)
        .append("],\"blocks\":");
    appendBlocks(b, EDGE_BLOCKS);
    b.append("},\"edge_index\":{\"dtype\":\"int32\",\"shape\":[2,\"num_edges\"],")
        .append("\"layout\":\"sources then targets; bond k -> edges 2k, 2k+1\"}")
        .append(",\"coords\":{\"dtype\":\"float32\",\"shape\":[\"num_atoms\",3],")
        .append("\"unit\":\"angstrom\",\"nullable\":true}");
  }

  private static void appendBlocks(StringBuilder b, List<FeatureBlock> blocks) {
    b.append('[');
    int offset = 0;
    for (int i = 0; i < blocks.size(); i++) {
      FeatureBlock block = blocks.get(i);
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"name\":")
          .append(Json.quote(block.name()))
          .append(",\"encoding\":")
          .append(Json.quote(block.encoding()))
          .append(",\"offset\":")
          .append(offset)
          .append(",\"width\":")
          .append(block.width())
          .append(",\"vocabulary\":[");
      for (int v = 0; v < block.vocabulary().size(); v++) {
        b.append(v > 0 ? "," : "").append(Json.quote(block.vocabulary().get(v)));
      }
      b.append("]}");
      offset += block.width();
    }
    b.append(']');
  }

  private static int width(List<FeatureBlock> blocks) {
    return blocks.stream().mapToInt(FeatureBlock::width).sum();
  }

  private static int offset(List<FeatureBlock> blocks, String name) {
    int offset = 0;
    for (FeatureBlock block : blocks) {
      if (block.name().equals(name)) {
        return offset;
      }
      offset += block.width();
    }
    throw new IllegalArgumentException("no feature block named " + name);
  }

  private static List<String> concat(List<String> a, String last) {
    List<String> out = new java.util.ArrayList<>(a);
    out.add(last);
    return List.copyOf(out);
  }
}
