package io.msetl.featurize;

import org.RDKit.Conformer;
import org.RDKit.DistanceGeom;
import org.RDKit.EmbedParameters;
import org.RDKit.ForceField;
import org.RDKit.Point3D;
import org.RDKit.RDKFuncs;
import org.RDKit.ROMol;
import org.RDKit.RWMol;

/**
 * ETKDGv3 embedding with a bounded, mostly deterministic cost.
 *
 * <p>RDKit 2020.09 has no embedding timeout; by default it makes 10 x atoms attempts, which is why
 * failing molecules cost 5-20 s. The primary bound here is the attempt budget ({@link
 * FeaturizerConfig#maxEmbedAttempts()}), deterministic like everything else. Then, in order: one
 * retry from random coordinates, optional 2D depiction coordinates, or none. The wall-time safety
 * net is checked between native calls (a running call cannot be interrupted): once a failed
 * embedding has taken longer than the limit, no fallback is tried and the status is TIMEOUT.
 *
 * <p>One instance per thread: the {@link EmbedParameters} are reused across molecules and released
 * by {@link #close()}.
 */
final class ConformerBuilder implements AutoCloseable {
  private final FeaturizerConfig config;
  private final EmbedParameters params;

  ConformerBuilder(FeaturizerConfig config) {
    this.config = config;
    this.params = RDKFuncs.getETKDGv3();
    params.setMaxIterations(config.maxEmbedAttempts());
  }

  /**
   * Computes coordinates for the first {@code numNodes} atoms of {@code molH} (the graph nodes:
   * hydrogens are appended after them by addHs).
   *
   * @param graphMol the molecule whose atoms are the graph nodes (for the 2D fallback)
   * @param molH the same molecule with explicit hydrogens, embedded in place
   * @param heavyAtoms heavy atom count, for the size limit
   * @param seed non-negative ETKDG seed
   */
  ConformerResult build(ROMol graphMol, ROMol molH, int heavyAtoms, int seed) {
    long start = System.nanoTime();
    int numNodes = (int) graphMol.getNumAtoms();
    if (!config.conformers()) {
      return new ConformerResult(null, ConformerStatus.NOT_REQUESTED, "NONE", seed, 0.0);
    }
    if (heavyAtoms > config.maxHeavyAtomsFor3D()) {
      return new ConformerResult(
          null, ConformerStatus.SKIPPED_TOO_LARGE, "NONE", seed, millisSince(start));
    }
    params.setRandomSeed(seed);
    params.setUseRandomCoords(false);
    ConformerStatus status = ConformerStatus.OK;
    int confId = embed(molH);
    if (confId < 0 && !pastLimit(start) && config.randomCoordsRetry()) {
      params.setUseRandomCoords(true);
      confId = embed(molH);
      status = ConformerStatus.OK_RANDOM_COORDS;
    }
    if (confId < 0) {
      if (pastLimit(start)) {
        return new ConformerResult(null, ConformerStatus.TIMEOUT, "NONE", seed, millisSince(start));
      }
      if (config.fallbackTo2D()) {
        return new ConformerResult(
            coords2D(graphMol), ConformerStatus.FALLBACK_2D, "NONE", seed, millisSince(start));
      }
      return new ConformerResult(null, ConformerStatus.FAILED, "NONE", seed, millisSince(start));
    }
    String forceField = config.optimize() ? optimize(molH) : "NONE";
    return new ConformerResult(
        coordsOf(molH, confId, numNodes), status, forceField, seed, millisSince(start));
  }

  private int embed(ROMol molH) {
    try {
      return DistanceGeom.EmbedMolecule(molH, params);
    } catch (RuntimeException e) {
      // 2022.09 raises "Invariant Violation (bad lower bound)" where 2020.09 returns -1: same
      // meaning, the molecule could not be embedded.
      RdkitErrors.describe(e);
      return -1;
    }
  }

  private String optimize(ROMol molH) {
    int iterations = config.forceFieldIterations();
    try {
      if (ForceField.MMFFHasAllMoleculeParams(molH)
          && ForceField.MMFFOptimizeMolecule(molH, "MMFF94", iterations) >= 0) {
        return "MMFF94";
      }
      if (ForceField.UFFHasAllMoleculeParams(molH)
          && ForceField.UFFOptimizeMolecule(molH, iterations) >= 0) {
        return "UFF";
      }
    } catch (RuntimeException e) {
      RdkitErrors.describe(e); // unoptimised ETKDG coordinates stay; force_field says NONE
    }
    return "NONE";
  }

  private static float[] coordsOf(ROMol mol, int confId, int numNodes) {
    Conformer conf = mol.getConformer(confId);
    try {
      float[] out = new float[numNodes * 3];
      for (int i = 0; i < numNodes; i++) {
        Point3D p = conf.getAtomPos(i);
        try {
          out[3 * i] = (float) p.getX();
          out[3 * i + 1] = (float) p.getY();
          out[3 * i + 2] = (float) p.getZ();
        } finally {
          p.delete();
        }
      }
      return out;
    } finally {
      conf.delete();
    }
  }

  private static float[] coords2D(ROMol graphMol) {
    RWMol copy = new RWMol(graphMol);
    try {
      int confId = (int) copy.compute2DCoords();
      return coordsOf(copy, confId, (int) copy.getNumAtoms());
    } finally {
      copy.delete();
    }
  }

  private boolean pastLimit(long start) {
    long limit = config.embedTimeLimitMillis();
    return limit > 0 && millisSince(start) > limit;
  }

  private static double millisSince(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  @Override
  public void close() {
    params.delete();
  }
}
