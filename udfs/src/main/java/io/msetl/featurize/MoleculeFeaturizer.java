package io.msetl.featurize;

import io.msetl.digest.Sha256;
import io.msetl.rdkit.RdkitNative;
import org.RDKit.RDKFuncs;
import org.RDKit.ROMol;
import org.RDKit.RWMol;

/**
 * The expensive phase: graph features and a 3D conformer for one parent molecule (the {@code
 * molblock_parent} written by {@link MoleculeIdentifier}). Not thread-safe: use one per thread (per
 * Spark partition) and close it to release its native parameters. Every native object made for a
 * molecule is deleted before {@link #featurize} returns.
 *
 * <p>The conformer seed is derived from the molecule itself (SHA-256 of its canonical SMILES), so a
 * molecule gets the same coordinates whatever partition, thread or order it is processed in.
 */
public final class MoleculeFeaturizer implements AutoCloseable {

  /** Version of this featurizer's code path; bump when outputs change for the same config. */
  public static final String VERSION = "1.0.0";

  private final FeaturizerConfig config;
  private final ConformerBuilder conformers;
  private final String versionString;

  public MoleculeFeaturizer(FeaturizerConfig config) {
    this.config = config;
    RdkitNative.load(config.rdkitLibrary());
    this.conformers = new ConformerBuilder(config);
    this.versionString = VERSION + "+rdkit-" + RDKFuncs.getRdkitVersion();
  }

  /** {@code featurizer_version} column value: this code's version plus RDKit's. */
  public String versionString() {
    return versionString;
  }

  public FeaturizeResult featurize(String molblock) {
    return featurize(molblock, StructureKind.MOLBLOCK);
  }

  public FeaturizeResult featurize(String structure, StructureKind kind) {
    ParsedMolecule parsed = MoleculeReader.read(structure, kind);
    if (!parsed.isOk()) {
      return new FeaturizeResult(null, parsed.rejectReason(), parsed.rejectMessage());
    }
    try (NativeScope scope = new NativeScope()) {
      RWMol mol = scope.own(parsed.mol(), RWMol::delete);
      int heavy = (int) mol.getNumHeavyAtoms();
      if (heavy > config.maxHeavyAtoms()) {
        return new FeaturizeResult(
            null,
            FeaturizeRejects.TOO_LARGE,
            "the molecule has "
                + heavy
                + " heavy atoms, more than maxHeavyAtoms="
                + config.maxHeavyAtoms());
      }
      String smiles = RDKFuncs.MolToSmiles(mol);
      int seed = seedOf(smiles);
      ROMol molH = scope.own(RDKFuncs.addHs((ROMol) mol), ROMol::delete);
      ROMol graphMol = config.explicitHydrogens() ? molH : mol;
      GraphEncoder.Graph graph = GraphEncoder.encode(graphMol);
      ConformerResult conformer = conformers.build(graphMol, molH, heavy, seed);
      MoleculeFeatures features =
          new MoleculeFeatures(
              graph.numAtoms(),
              graph.nodes(),
              graph.numEdges(),
              graph.edgeIndex(),
              graph.edges(),
              conformer,
              smiles);
      boolean noCoords =
          conformer.status() == ConformerStatus.FAILED
              || conformer.status() == ConformerStatus.TIMEOUT;
      if (noCoords && config.embedFailurePolicy() == EmbedFailurePolicy.REJECT) {
        return new FeaturizeResult(
            features,
            FeaturizeRejects.EMBED_FAILED,
            "no 3D conformer (" + conformer.status() + ") and embedFailurePolicy=REJECT");
      }
      return new FeaturizeResult(features, null, null);
    } catch (RuntimeException e) {
      return new FeaturizeResult(
          null,
          FeaturizeRejects.RDKIT_ERROR,
          "RDKit failed while featurizing the molecule: " + RdkitErrors.describe(e));
    }
  }

  /** Non-negative (RDKit treats negative seeds as "random") and stable across JVMs. */
  public static int seedOf(String canonicalSmiles) {
    byte[] d = Sha256.digest(canonicalSmiles);
    return ((d[0] & 0x7f) << 24) | ((d[1] & 0xff) << 16) | ((d[2] & 0xff) << 8) | (d[3] & 0xff);
  }

  @Override
  public void close() {
    conformers.close();
  }
}
