package io.msetl.featurize.spark;

import io.msetl.featurize.FeatureSchema;
import io.msetl.featurize.FeaturizeResult;
import io.msetl.featurize.FeaturizerConfig;
import io.msetl.featurize.IdentifyResult;
import io.msetl.featurize.MoleculeFeaturizer;
import io.msetl.featurize.MoleculeIdentifier;
import io.msetl.featurize.MoleculeIdentity;
import io.msetl.rdkit.RdkitNative;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The two RDKit phases as partition-level Spark transformations: one identifier or featurizer per
 * partition (RDKit set up once, native objects freed per molecule), rows streamed, nothing
 * buffered. Run {@link #identify} on every record, deduplicate by {@code structure_key}, then run
 * {@link #featurize} once per distinct structure.
 *
 * <p>A user RDKit build can be given with the Spark conf {@value RdkitNative#SPARK_CONF_KEY} (read
 * here on the driver and shipped in the config) unless the config names one already.
 */
public final class MoleculeStage {

  /** Columns {@link #identify} appends, in order. */
  public static final StructType IDENTITY_COLUMNS =
      new StructType()
          .add("structure_key", DataTypes.StringType)
          .add("canonical_smiles", DataTypes.StringType)
          .add("inchi", DataTypes.StringType)
          .add("inchikey", DataTypes.StringType)
          .add("formula_computed", DataTypes.StringType)
          .add("exact_mass_computed", DataTypes.DoubleType)
          .add("heavy_atoms", DataTypes.IntegerType)
          .add("formal_charge", DataTypes.IntegerType)
          .add("fragment_count", DataTypes.IntegerType)
          .add("fragments_stripped", DataTypes.BooleanType)
          .add("murcko_scaffold", DataTypes.StringType)
          .add("molblock_parent", DataTypes.StringType)
          .add("reject_reason", DataTypes.StringType)
          .add("reject_message", DataTypes.StringType);

  /** Output schema of {@link #featurize}. */
  public static final StructType FEATURE_SCHEMA =
      GraphFeatureColumn.schema(GraphFeatureColumn.View.STAGE);

  private MoleculeStage() {}

  /**
   * Phase 1 (cheap): identity of every record's structure. Input needs {@code record_id}, {@code
   * structure}, {@code structure_kind} and {@code inchikey_declared}; output is every input column
   * plus {@link #IDENTITY_COLUMNS}. Rejected rows have null identity columns except for TOO_LARGE
   * and INCHIKEY_MISMATCH, where the molecule was identified.
   */
  public static Dataset<Row> identify(Dataset<Row> in, FeaturizerConfig config) {
    requireColumns(in, "record_id", "structure", "structure_kind", "inchikey_declared");
    FeaturizerConfig c = withSparkLibrary(in, config);
    StructType inSchema = in.schema();
    StructType outSchema = inSchema;
    for (StructField f : IDENTITY_COLUMNS.fields()) {
      outSchema = outSchema.add(f);
    }
    int structure = inSchema.fieldIndex("structure");
    int kind = inSchema.fieldIndex("structure_kind");
    int declared = inSchema.fieldIndex("inchikey_declared");
    int width = inSchema.size();
    MapPartitionsFunction<Row, Row> fn =
        rows -> {
          MoleculeIdentifier identifier = new MoleculeIdentifier(c);
          return new PartitionIterator<>(
              rows,
              row -> {
                IdentifyResult r =
                    identifier.identify(
                        row.getString(structure), row.getString(kind), row.getString(declared));
                Object[] values = new Object[width + IDENTITY_COLUMNS.size()];
                for (int i = 0; i < width; i++) {
                  values[i] = row.get(i);
                }
                fillIdentity(values, width, r);
                return RowFactory.create(values);
              },
              () -> {});
        };
    return in.mapPartitions(fn, Encoders.row(outSchema));
  }

  /**
   * Phase 2 (expensive): graph features and conformer of each distinct structure. Input needs
   * {@code structure_key} and {@code molblock_parent}; output has {@link #FEATURE_SCHEMA}, one row
   * per input row; an input {@code structure_source} column (see {@link Representatives}) is
   * carried through, else that column is null.
   */
  public static Dataset<Row> featurize(Dataset<Row> structures, FeaturizerConfig config) {
    requireColumns(structures, "structure_key", "molblock_parent");
    FeaturizerConfig c = withSparkLibrary(structures, config);
    int key = structures.schema().fieldIndex("structure_key");
    int molblock = structures.schema().fieldIndex("molblock_parent");
    int source =
        List.of(structures.columns()).contains("structure_source")
            ? structures.schema().fieldIndex("structure_source")
            : -1;
    MapPartitionsFunction<Row, Row> fn =
        rows -> {
          MoleculeFeaturizer featurizer = new MoleculeFeaturizer(c);
          String version = featurizer.versionString();
          return new PartitionIterator<>(
              rows,
              row ->
                  toRow(
                      row.getString(key),
                      featurizer.featurize(row.getString(molblock)),
                      version,
                      source < 0 ? null : row.getString(source)),
              featurizer);
        };
    return structures.mapPartitions(fn, Encoders.row(FEATURE_SCHEMA));
  }

  static void fillIdentity(Object[] values, int at, IdentifyResult r) {
    MoleculeIdentity m = r.identity();
    if (m != null) {
      values[at] = m.structureKey();
      values[at + 1] = m.canonicalSmiles();
      values[at + 2] = m.inchi();
      values[at + 3] = m.inchikey();
      values[at + 4] = m.formula();
      values[at + 5] = m.exactMass();
      values[at + 6] = m.heavyAtoms();
      values[at + 7] = m.formalCharge();
      values[at + 8] = m.fragmentCount();
      values[at + 9] = m.fragmentsStripped();
      values[at + 10] = m.murckoScaffold();
      values[at + 11] = m.molblockParent();
    }
    values[at + 12] = r.rejectReason();
    values[at + 13] = r.rejectMessage();
  }

  static Row toRow(String key, FeaturizeResult r, String version, String source) {
    Map<GraphFeatureColumn, Object> values = GraphFeatureColumn.valuesOf(r);
    values.put(GraphFeatureColumn.STRUCTURE_KEY, key);
    values.put(GraphFeatureColumn.FEATURIZER_VERSION, version);
    values.put(GraphFeatureColumn.FEATURE_SCHEMA_VERSION, FeatureSchema.VERSION);
    values.put(GraphFeatureColumn.STRUCTURE_SOURCE, source);
    return GraphFeatureColumn.row(GraphFeatureColumn.View.STAGE, values);
  }

  static FeaturizerConfig withSparkLibrary(Dataset<Row> in, FeaturizerConfig config) {
    if (config.rdkitLibrary() != null) {
      return config;
    }
    String fromConf = in.sparkSession().conf().get(RdkitNative.SPARK_CONF_KEY, null);
    return fromConf == null || fromConf.isBlank() ? config : config.withRdkitLibrary(fromConf);
  }

  static void requireColumns(Dataset<Row> in, String... names) {
    List<String> missing = new ArrayList<>();
    for (String n : names) {
      if (!List.of(in.columns()).contains(n)) {
        missing.add(n);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "input lacks column(s) " + missing + "; it has " + List.of(in.columns()));
    }
  }
}
