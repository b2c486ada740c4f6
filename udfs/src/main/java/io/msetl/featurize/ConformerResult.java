package io.msetl.featurize;

/**
 * The 3D (or 2D fallback) coordinates of a molecule's graph nodes and how they were obtained.
 *
 * @param coords float32 n x 3 row-major in Angstrom, null when there is no conformer
 * @param status see {@link ConformerStatus}
 * @param forceField {@code MMFF94}, {@code UFF} or {@code NONE}
 * @param seed ETKDG random seed used (derived from the molecule)
 * @param millis wall time spent on the conformer, ms
 */
public record ConformerResult(
    float[] coords, ConformerStatus status, String forceField, long seed, double millis) {}
