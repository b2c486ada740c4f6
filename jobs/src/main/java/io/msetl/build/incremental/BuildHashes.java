package io.msetl.build.incremental;

import io.msetl.build.BuildOptions;
import io.msetl.digest.Sha256;
import io.msetl.featurize.FeatureSchema;
import io.msetl.featurize.MoleculeFeaturizer;
import io.msetl.rdkit.RdkitNative;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings that shape a build's rows, each as one hash. A compound's {@code content_hash}
 * covers its raw record and structure bytes plus all of these, so a change of settings recomputes
 * exactly the rows it affects; a structure's {@code input_hash} covers its parent molblock plus
 * {@link #featurizer()}, so features are computed once per structure and featurizer, ever.
 *
 * @param featurizer featurizer version, its settings (identity and 3D), the feature schema and
 *     RDKit's version
 * @param spectrum binning, transform, normalisation and cleaning settings
 * @param split method, salt and ratios
 * @param ingest settings that change parsed rows (Num Peaks policy, MOL file pattern)
 */
public record BuildHashes(String featurizer, String spectrum, String split, String ingest) {

  public static BuildHashes of(BuildOptions o) {
    String featurizer =
        Sha256.hex(
            "featurizer="
                + MoleculeFeaturizer.VERSION
                + "\nschema="
                + FeatureSchema.VERSION
                + "\nrdkit="
                + RdkitNative.version()
                + "\nconfig="
                + o.featurizer().withRdkitLibrary(null));
    String spectrum = Sha256.hex(o.spectrum().toString());
    String split =
        Sha256.hex(
            o.splitMethod().label() + "\n" + o.splitSalt() + "\n" + o.splitRatios().toString());
    String ingest =
        Sha256.hex(o.ingest().numPeaksMismatch().name() + "\n" + o.ingest().molPattern());
    return new BuildHashes(featurizer, spectrum, split, ingest);
  }

  /** What a compound's content hash adds to its record and structure bytes. */
  public String settings() {
    return Sha256.hex(featurizer + "\n" + spectrum + "\n" + split + "\n" + ingest);
  }

  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("featurizer", featurizer);
    m.put("spectrum", spectrum);
    m.put("split", split);
    m.put("ingest", ingest);
    return m;
  }
}
