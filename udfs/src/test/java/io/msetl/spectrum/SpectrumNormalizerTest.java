package io.msetl.spectrum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SpectrumNormalizerTest {
  private final SpectrumNormalizer ei = new SpectrumNormalizer(SpectrumConfig.defaults());

  @Test
  void unitMassPeaksLandInTheirBinsMaxNormalized() {
    NormalizedSpectrum s =
        ei.normalize(new double[] {57, 29, 1000}, new double[] {999, 250, 100}, null);
    assertEquals(1000, s.binned().length);
    assertEquals(1f, s.binned()[56]);
    assertEquals(250f / 999f, s.binned()[28]);
    assertEquals(100f / 999f, s.binned()[999]);
    assertArrayEquals(new double[] {29, 57, 1000}, s.cleanMz());
    assertArrayEquals(new double[] {250, 999, 100}, s.cleanIntensity());
    assertEquals(3, s.numPeaksClean());
    assertNull(s.rejectReason());
  }

  @Test
  void invalidPeaksAreDroppedAndCounted() {
    NormalizedSpectrum s =
        ei.normalize(
            new double[] {10, Double.NaN, 20, -5, 30, 40},
            new double[] {5, 7, 0, 3, Double.POSITIVE_INFINITY, 8},
            null);
    assertArrayEquals(new double[] {10, 40}, s.cleanMz());
    assertEquals(4, s.peaksDropped());
  }

  @Test
  void duplicateMzKeepsTheLargerIntensityByDefaultOrTheSumOnRequest() {
    double[] mz = {50, 50, 60};
    double[] in = {10, 30, 20};
    NormalizedSpectrum max = ei.normalize(mz, in, null);
    assertArrayEquals(new double[] {30, 20}, max.cleanIntensity());
    assertEquals(1, max.peaksDropped());
    NormalizedSpectrum sum =
        new SpectrumNormalizer(
                SpectrumConfig.defaults().withDuplicateMerge(SpectrumConfig.Merge.SUM))
            .normalize(mz, in, null);
    assertArrayEquals(new double[] {40, 20}, sum.cleanIntensity());
  }

  @Test
  void distinctPeaksInOneBinAreSummedBeforeNormalization() {
    NormalizedSpectrum s =
        ei.normalize(new double[] {100.2, 99.9, 150.0}, new double[] {10, 30, 20}, null);
    assertEquals(1f, s.binned()[99]);
    assertEquals(0.5f, s.binned()[149]);
  }

  @Test
  void peaksOutsideTheRangeStayInTheCleanListAndAreCounted() {
    NormalizedSpectrum s =
        ei.normalize(new double[] {0.2, 50, 1000.6, 1200}, new double[] {5, 10, 5, 5}, null);
    assertEquals(4, s.numPeaksClean());
    assertEquals(1, s.peaksBelowRange());
    assertEquals(2, s.peaksAboveRange());
    assertEquals(1f, s.binned()[49]);
  }

  @Test
  void aSpectrumWithOnlyOutOfRangePeaksHasNoVector() {
    NormalizedSpectrum s = ei.normalize(new double[] {1500}, new double[] {5}, null);
    assertEquals(NormalizedSpectrum.NO_PEAKS_IN_RANGE, s.rejectReason());
    assertNull(s.binned());
    assertEquals(1, s.peaksAboveRange());
  }

  @Test
  void aSpectrumWithNothingValidIsRejected() {
    NormalizedSpectrum s = ei.normalize(new double[] {10}, new double[] {0}, null);
    assertEquals(NormalizedSpectrum.NO_PEAKS_AFTER_CLEANING, s.rejectReason());
    assertEquals(1, s.peaksDropped());
    assertEquals(
        NormalizedSpectrum.NO_PEAKS_AFTER_CLEANING,
        ei.normalize(new double[0], new double[0], null).rejectReason());
    assertEquals(
        NormalizedSpectrum.MALFORMED_PEAKS,
        ei.normalize(new double[] {1, 2}, new double[] {1}, null).rejectReason());
  }

  @Test
  void sqrtAndL1ChangeTheVectorAsDocumented() {
    SpectrumConfig c =
        SpectrumConfig.defaults()
            .withTransform(SpectrumConfig.Transform.SQRT)
            .withNormalization(SpectrumConfig.Normalization.L1);
    NormalizedSpectrum s =
        new SpectrumNormalizer(c).normalize(new double[] {10, 20}, new double[] {9, 1}, null);
    assertEquals(0.75f, s.binned()[9]);
    assertEquals(0.25f, s.binned()[19]);
    SpectrumConfig log = SpectrumConfig.defaults().withTransform(SpectrumConfig.Transform.LOG);
    NormalizedSpectrum l =
        new SpectrumNormalizer(log)
            .normalize(new double[] {10, 20}, new double[] {Math.E * Math.E - 1, Math.E - 1}, null);
    assertEquals(0.5f, l.binned()[19], 1e-6f);
  }

  @Test
  void precursorRemovalDropsThePrecursorAndHeavierPeaks() {
    SpectrumConfig c = SpectrumConfig.defaults().withPrecursorRemoval(true, 0.5);
    NormalizedSpectrum s =
        new SpectrumNormalizer(c)
            .normalize(
                new double[] {100.05, 179.07, 179.8, 250.0}, new double[] {10, 50, 5, 1}, 179.0697);
    assertArrayEquals(new double[] {100.05}, s.cleanMz());
    assertEquals(3, s.peaksDropped());
    NormalizedSpectrum noPrecursor =
        new SpectrumNormalizer(c)
            .normalize(new double[] {100.05, 179.07}, new double[] {10, 50}, null);
    assertEquals(2, noPrecursor.numPeaksClean());
  }

  @Test
  void customBinningUsesCentredBins() {
    SpectrumConfig c = SpectrumConfig.defaults().withBinning(0.5, 50, 100);
    assertEquals(101, c.numBins());
    NormalizedSpectrum s =
        new SpectrumNormalizer(c).normalize(new double[] {50.74, 100.2}, new double[] {4, 2}, null);
    assertEquals(1f, s.binned()[1]);
    assertEquals(0.5f, s.binned()[100]);
  }

  @Test
  void unusableSettingsAreRefusedWithOneLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SpectrumConfig.defaults().withBinning(0, 1, 1000));
    assertEquals("binWidth must be a positive number, got 0.0", e.getMessage());
  }
}
