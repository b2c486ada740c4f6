package io.msetl.sql;

import io.msetl.featurize.FeaturizeResult;
import io.msetl.featurize.FeaturizerConfig;
import io.msetl.featurize.IdentifyResult;
import io.msetl.featurize.InchiKeyCheck;
import io.msetl.featurize.MoleculeFeaturizer;
import io.msetl.featurize.MoleculeIdentifier;
import io.msetl.featurize.spark.GraphFeatureColumn;
import io.msetl.spectrum.NormalizedSpectrum;
import io.msetl.spectrum.SpectrumConfig;
import io.msetl.spectrum.SpectrumNormalizer;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark SQL functions for looking at molecules and spectra from a notebook or the SQL shell. Call
 * {@link #register(SparkSession)} once per session. All three return null for null input; they use
 * the default {@link FeaturizerConfig} / {@link SpectrumConfig} (the build job uses the
 * partition-level stages, which take a config).
 *
 * <pre>
 * -- InChIKey of a molblock as drawn (the whole structure, salts included); null if unreadable
 * SELECT id, msetl_inchikey(molblock) FROM structures;
 *
 * -- graph features and conformer of one molecule (default config: largest organic fragment is
 * -- NOT applied here, the molblock is featurized as given)
 * SELECT f.num_atoms, f.conformer_status, size(f.node_features) / f.node_feature_width AS n
 * FROM (SELECT msetl_featurize(molblock) AS f FROM structures);
 *
 * -- dense 1000-bin max-normalized vector of an EI spectrum (m/z 1..1000, 1 Da bins)
 * SELECT msetl_bin_spectrum(array(41.0, 57.0, 85.0), array(300.0, 999.0, 120.0))[56];  -- 1.0
 * </pre>
 *
 * <p>{@code msetl_featurize} returns {@code struct<num_atoms:int, node_feature_width:int,
 * node_features:array<float>, num_edges:int, edge_index:array<int>, edge_feature_width:int,
 * edge_attr:array<float>, coords:array<float>, conformer_status:string, force_field:string,
 * reject_reason:string, reject_message:string>}.
 *
 * <p>RDKit objects are per thread and released when the Spark task ends (or, outside a task, after
 * each call).
 */
public final class MsetlUdfs {

  public static final StructType FEATURIZE_STRUCT =
      GraphFeatureColumn.schema(GraphFeatureColumn.View.UDF);

  private static final FeaturizerConfig CONFIG =
      FeaturizerConfig.defaults().withInchiKeyCheck(InchiKeyCheck.OFF);
  private static final ThreadLocal<MoleculeFeaturizer> FEATURIZERS = new ThreadLocal<>();

  private MsetlUdfs() {}

  public static void register(SparkSession spark) {
    spark
        .udf()
        .register(
            "msetl_inchikey", (UDF1<String, String>) MsetlUdfs::inchikey, DataTypes.StringType);
    // Marked nondeterministic only so that the optimizer never inlines the call into every
    // field access (f.num_atoms, f.coords, ...): one embedding per row instead of one per field.
    spark
        .udf()
        .register(
            "msetl_featurize",
            functions
                .udf((UDF1<String, Row>) MsetlUdfs::featurize, FEATURIZE_STRUCT)
                .asNondeterministic());
    spark
        .udf()
        .register(
            "msetl_bin_spectrum",
            (UDF2<scala.collection.Seq<Object>, scala.collection.Seq<Object>, float[]>)
                MsetlUdfs::binSpectrum,
            DataTypes.createArrayType(DataTypes.FloatType, false));
  }

  static String inchikey(String molblock) {
    if (molblock == null) {
      return null;
    }
    IdentifyResult r = new MoleculeIdentifier(CONFIG).identify(molblock, "molblock", null);
    return r.identity() == null ? null : r.identity().inchikeyInput();
  }

  static Row featurize(String molblock) {
    if (molblock == null) {
      return null;
    }
    FeaturizeResult r = withFeaturizer(f -> f.featurize(molblock));
    return GraphFeatureColumn.row(GraphFeatureColumn.View.UDF, GraphFeatureColumn.valuesOf(r));
  }

  static float[] binSpectrum(scala.collection.Seq<Object> mz, scala.collection.Seq<Object> in) {
    if (mz == null || in == null) {
      return null;
    }
    NormalizedSpectrum s =
        new SpectrumNormalizer(SpectrumConfig.defaults())
            .normalize(toDoubles(mz), toDoubles(in), null);
    return s.binned();
  }

  private static double[] toDoubles(scala.collection.Seq<Object> seq) {
    List<Object> list = scala.jdk.javaapi.CollectionConverters.asJava(seq);
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      Object v = list.get(i);
      out[i] = v == null ? Double.NaN : ((Number) v).doubleValue();
    }
    return out;
  }

  /** A featurizer reused by this thread for the rest of the Spark task, then closed. */
  private static <T> T withFeaturizer(Function<MoleculeFeaturizer, T> work) {
    TaskContext task = TaskContext.get();
    if (task == null) {
      try (MoleculeFeaturizer once = new MoleculeFeaturizer(CONFIG)) {
        return work.apply(once);
      }
    }
    MoleculeFeaturizer f = FEATURIZERS.get();
    if (f == null) {
      MoleculeFeaturizer created = new MoleculeFeaturizer(CONFIG);
      FEATURIZERS.set(created);
      task.addTaskCompletionListener(
          (org.apache.spark.util.TaskCompletionListener)
              ctx -> {
                created.close();
                if (FEATURIZERS.get() == created) {
                  FEATURIZERS.remove();
                }
              });
      f = created;
    }
    return work.apply(f);
  }
}
