package io.msetl.featurize.spark;

import io.msetl.featurize.ConformerResult;
import io.msetl.featurize.FeaturizeResult;
import io.msetl.featurize.MoleculeFeatures;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The one declaration of the graph-features columns. Three schemas are views of it: the {@code
 * graph_features} table, the output of {@link MoleculeStage#featurize} (the table's columns plus
 * timing and reject columns, all nullable) and the struct {@code msetl_featurize} returns. Rows are
 * built from values keyed by column, never by position.
 */
public enum GraphFeatureColumn {
  STRUCTURE_KEY(
      "structure_key",
      DataTypes.StringType,
      false,
      "compounds.structure_key",
      View.TABLE,
      View.STAGE),
  NUM_ATOMS("num_atoms", DataTypes.IntegerType, false, "nodes n", View.values()),
  NODE_FEATURE_WIDTH("node_feature_width", DataTypes.IntegerType, false, "F", View.values()),
  NODE_FEATURES(
      "node_features",
      DataTypes.createArrayType(DataTypes.FloatType),
      false,
      "n x F float32, row-major",
      View.values()),
  NUM_EDGES(
      "num_edges",
      DataTypes.IntegerType,
      false,
      "directed edges E (each bond twice)",
      View.values()),
  EDGE_INDEX(
      "edge_index",
      DataTypes.createArrayType(DataTypes.IntegerType),
      false,
      "2 x E int32, row-major: sources then targets",
      View.values()),
  EDGE_FEATURE_WIDTH("edge_feature_width", DataTypes.IntegerType, false, "B", View.values()),
  EDGE_ATTR(
      "edge_attr",
      DataTypes.createArrayType(DataTypes.FloatType),
      false,
      "E x B float32, row-major",
      View.values()),
  COORDS(
      "coords",
      DataTypes.createArrayType(DataTypes.FloatType),
      true,
      "n x 3 float32 conformer coordinates (null without a conformer)",
      View.values()),
  CONFORMER_STATUS(
      "conformer_status",
      DataTypes.StringType,
      false,
      "OK, OK_RANDOM_COORDS, FALLBACK_2D, FAILED, SKIPPED_TOO_LARGE, TIMEOUT",
      View.values()),
  FORCE_FIELD("force_field", DataTypes.StringType, true, "MMFF94, UFF or NONE", View.values()),
  CONFORMER_SEED(
      "conformer_seed",
      DataTypes.LongType,
      true,
      "ETKDG seed derived from the molecule",
      View.TABLE,
      View.STAGE),
  CONFORMER_MILLIS(
      "conformer_millis", DataTypes.DoubleType, true, "time spent on the conformer", View.STAGE),
  FEATURIZER_VERSION(
      "featurizer_version",
      DataTypes.StringType,
      false,
      "msetl featurizer + RDKit version",
      View.TABLE,
      View.STAGE),
  FEATURE_SCHEMA_VERSION(
      "feature_schema_version",
      DataTypes.StringType,
      false,
      "version of the feature schema (see runs.feature_schema)",
      View.TABLE,
      View.STAGE),
  STRUCTURE_SOURCE(
      "structure_source",
      DataTypes.StringType,
      true,
      "source of the featurized structure: the most faithful of its records (molblock, then"
          + " SMILES, then InChI)",
      View.TABLE,
      View.STAGE),
  FEATURIZER_HASH(
      "featurizer_hash",
      DataTypes.StringType,
      false,
      "sha256 of the featurizer version, its settings, the feature schema and RDKit's version",
      View.TABLE),
  INPUT_HASH(
      "input_hash",
      DataTypes.StringType,
      false,
      "sha256 of featurizer_hash and the parent molblock featurized: a row is reused while this"
          + " matches",
      View.TABLE),
  REJECT_REASON("reject_reason", DataTypes.StringType, true, "reason code", View.STAGE, View.UDF),
  REJECT_MESSAGE(
      "reject_message", DataTypes.StringType, true, "what was wrong", View.STAGE, View.UDF);

  /** Where a column appears. */
  public enum View {
    /** The {@code graph_features} table: declared nullability and comments. */
    TABLE,
    /** {@link MoleculeStage#featurize}'s output: every column nullable. */
    STAGE,
    /** The struct of {@code msetl_featurize}. */
    UDF
  }

  private final String columnName;

  // Spark DataTypes are immutable values (Scala case objects and classes).
  @SuppressWarnings("ImmutableEnumChecker")
  private final DataType type;

  private final boolean nullableInTable;
  private final String comment;

  // Filled once in the constructor and never changed.
  @SuppressWarnings("ImmutableEnumChecker")
  private final Set<View> views;

  GraphFeatureColumn(
      String columnName, DataType type, boolean nullableInTable, String comment, View... views) {
    this.columnName = columnName;
    this.type = type;
    this.nullableInTable = nullableInTable;
    this.comment = comment;
    this.views = EnumSet.copyOf(Arrays.asList(views));
  }

  public String columnName() {
    return columnName;
  }

  /** The columns of a view, in schema order. */
  public static List<GraphFeatureColumn> of(View view) {
    return ByView.COLUMNS.get(view);
  }

  private static final class ByView {
    static final Map<View, List<GraphFeatureColumn>> COLUMNS = new EnumMap<>(View.class);

    static {
      for (View view : View.values()) {
        COLUMNS.put(view, Arrays.stream(values()).filter(c -> c.views.contains(view)).toList());
      }
    }
  }

  /** The Spark schema of a view. */
  public static StructType schema(View view) {
    return new StructType(of(view).stream().map(c -> c.field(view)).toArray(StructField[]::new));
  }

  private StructField field(View view) {
    if (view == View.TABLE) {
      // Table arrays have nullable elements, as Delta returns them, so conforming rows cast
      // cleanly.
      return new StructField(columnName, type, nullableInTable, Metadata.empty())
          .withComment(comment);
    }
    // Stage and UDF arrays are built from Java primitive arrays: their elements are never null.
    DataType t =
        type instanceof org.apache.spark.sql.types.ArrayType a
            ? DataTypes.createArrayType(a.elementType(), false)
            : type;
    return new StructField(columnName, t, true, Metadata.empty());
  }

  /** The values a featurizer result gives (the graph, the conformer, the reject reason). */
  public static Map<GraphFeatureColumn, Object> valuesOf(FeaturizeResult r) {
    Map<GraphFeatureColumn, Object> v = new EnumMap<>(GraphFeatureColumn.class);
    MoleculeFeatures f = r.features();
    if (f != null) {
      ConformerResult c = f.conformer();
      v.put(NUM_ATOMS, f.numAtoms());
      v.put(NODE_FEATURE_WIDTH, f.nodeFeatureWidth());
      v.put(NODE_FEATURES, f.nodeFeatures());
      v.put(NUM_EDGES, f.numEdges());
      v.put(EDGE_INDEX, f.edgeIndex());
      v.put(EDGE_FEATURE_WIDTH, f.edgeFeatureWidth());
      v.put(EDGE_ATTR, f.edgeAttr());
      v.put(COORDS, c.coords());
      v.put(CONFORMER_STATUS, c.status().name());
      v.put(FORCE_FIELD, c.forceField());
      v.put(CONFORMER_SEED, c.seed());
      v.put(CONFORMER_MILLIS, c.millis());
    }
    v.put(REJECT_REASON, r.rejectReason());
    v.put(REJECT_MESSAGE, r.rejectMessage());
    return v;
  }

  /** A row of a view; columns without a value are null. */
  public static Row row(View view, Map<GraphFeatureColumn, Object> values) {
    return RowFactory.create(of(view).stream().map(values::get).toArray());
  }
}
