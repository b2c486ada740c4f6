package io.msetl.msp;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One parsed library spectrum with its declared metadata, before structures are attached. Peaks are
 * kept in file order and exactly as written (cleaning is the featurizer's job).
 *
 * @param recordId see {@link RecordIds}: {@code ID:}, {@code DB#:}, {@code NIST#:}, MassBank {@code
 *     ACCESSION:}, MGF {@code SPECTRUMID=}, then the same keys hidden in comment pairs or an SDF
 *     header line, else {@code <file>#<ordinal>}
 * @param idField the {@code ID:} value itself (joins to {@code ID{id}.MOL}), or null
 * @param metadata every key under its canonical name (unknown keys as written), values as written;
 *     repeated keys joined with '\n'; comment pairs under {@code comments.<key>}; NIST {@code
 *     Synon: $:NN...} codes under {@code $:NN}
 * @param license the record's licence ({@code LICENSE:}, or a {@code license=} comment pair)
 * @param authors the record's authors ({@code AUTHORS:}), as written
 * @param warnings non-fatal findings, each starting with an upper-snake-case code
 */
public record MspRecord(
    String recordId,
    String idField,
    String name,
    List<String> synonyms,
    String formula,
    Double mw,
    Double exactMass,
    String cas,
    String nistNumber,
    String dbNumber,
    String inchikeyDeclared,
    String smilesDeclared,
    String inchiDeclared,
    String spectrumType,
    String ionMode,
    String precursorType,
    Double precursorMz,
    String collisionEnergy,
    String instrument,
    String instrumentType,
    String comments,
    Map<String, String> metadata,
    double[] mz,
    double[] intensity,
    Integer numPeaksDeclared,
    String license,
    String authors,
    List<String> warnings)
    implements Serializable {

  /** This record with one more warning. */
  public MspRecord withWarning(String warning) {
    List<String> w = new java.util.ArrayList<>(warnings);
    w.add(warning);
    return new MspRecord(
        recordId,
        idField,
        name,
        synonyms,
        formula,
        mw,
        exactMass,
        cas,
        nistNumber,
        dbNumber,
        inchikeyDeclared,
        smilesDeclared,
        inchiDeclared,
        spectrumType,
        ionMode,
        precursorType,
        precursorMz,
        collisionEnergy,
        instrument,
        instrumentType,
        comments,
        metadata,
        mz,
        intensity,
        numPeaksDeclared,
        license,
        authors,
        List.copyOf(w));
  }
}
