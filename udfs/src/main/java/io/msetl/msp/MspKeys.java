package io.msetl.msp;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The key alias table: every spelling of an MSP key (or SDF property) seen in the corpus mapped to
 * one canonical name. Lookup is case-insensitive and ignores spaces, underscores and dashes, so
 * {@code Num Peaks}, {@code NUM PEAKS}, {@code Num peaks} and {@code NUM_PEAKS} are one key. Keys
 * not in the table are kept as written (trimmed) in the record's metadata map.
 *
 * <table>
 *   <caption>aliases (normalized spelling → canonical)</caption>
 *   <tr><td>NAME, COMPOUNDNAME</td><td>name</td></tr>
 *   <tr><td>SYNON, SYNONYM, SYNONYMS</td><td>synonyms</td></tr>
 *   <tr><td>FORMULA, MOLECULARFORMULA</td><td>formula</td></tr>
 *   <tr><td>MW, MOLWEIGHT, MOLECULARWEIGHT, NOMINALMASS</td><td>mw</td></tr>
 *   <tr><td>EXACTMASS, MONOISOTOPICMASS</td><td>exact_mass</td></tr>
 *   <tr><td>CAS#, CAS, CASNO, CASNUMBER, CASRN</td><td>cas</td></tr>
 *   <tr><td>NIST#, NISTNO, NISTNUMBER, NISTMS#</td><td>nist_number</td></tr>
 *   <tr><td>DB#, DBNO, DBNUMBER</td><td>db_number</td></tr>
 *   <tr><td>ID</td><td>id</td></tr>
 *   <tr><td>INCHIKEY</td><td>inchikey</td></tr>
 *   <tr><td>INCHI, STDINCHI, INCHICODE</td><td>inchi</td></tr>
 *   <tr><td>SMILES, CANONICALSMILES, ISOMERICSMILES</td><td>smiles</td></tr>
 *   <tr><td>SPECTRUMTYPE, MSTYPE</td><td>spectrum_type</td></tr>
 *   <tr><td>IONMODE, POLARITY, IONIZATIONMODE</td><td>ion_mode</td></tr>
 *   <tr><td>PRECURSORTYPE, ADDUCT</td><td>precursor_type</td></tr>
 *   <tr><td>PRECURSORMZ, PRECURSORM/Z, PEPMASS</td><td>precursor_mz</td></tr>
 *   <tr><td>COLLISIONENERGY</td><td>collision_energy</td></tr>
 *   <tr><td>INSTRUMENT</td><td>instrument</td></tr>
 *   <tr><td>INSTRUMENTTYPE</td><td>instrument_type</td></tr>
 *   <tr><td>COMMENT, COMMENTS</td><td>comments</td></tr>
 *   <tr><td>NUMPEAKS</td><td>num_peaks</td></tr>
 *   <tr><td>RI, RETENTIONINDEX</td><td>retention_index</td></tr>
 *   <tr><td>RT, RETENTIONTIME</td><td>retention_time</td></tr>
 *   <tr><td>MSLEVEL</td><td>ms_level</td></tr>
 *   <tr><td>CHARGE</td><td>charge</td></tr>
 *   <tr><td>IONIZATION</td><td>ionization</td></tr>
 *   <tr><td>SPLASH</td><td>splash</td></tr>
 *   <tr><td>LICENSE, LICENCE</td><td>license</td></tr>
 *   <tr><td>AUTHORS, AUTHOR</td><td>authors</td></tr>
 *   <tr><td>CONTRIBUTOR</td><td>contributor</td></tr>
 *   <tr><td>ONTOLOGY</td><td>ontology</td></tr>
 *   <tr><td>SCANNUMBER</td><td>scan_number</td></tr>
 *   <tr><td>ACCESSION (MassBank)</td><td>accession</td></tr>
 *   <tr><td>SPECTRUMID, SPECTRUM_ID (MGF)</td><td>spectrum_id</td></tr>
 *   <tr><td>SOURCEINSTRUMENT (MGF)</td><td>instrument</td></tr>
 *   <tr><td>MASSSPECTRALPEAKS (SDF)</td><td>peaks</td></tr>
 * </table>
 *
 * <p>Golm's {@code METB InChI}/{@code METB InChIKey} keys are deliberately NOT aliased to
 * inchi/inchikey: they describe the underivatised metabolite while the spectrum is of its TMS
 * derivative, so treating them as the record's structure would pair a spectrum with the wrong
 * molecule. They stay in the metadata map under their own names.
 */
public final class MspKeys {
  private static final Map<String, String> ALIASES = new HashMap<>();

  static {
    alias("name", "NAME", "COMPOUNDNAME");
    alias("synonyms", "SYNON", "SYNONYM", "SYNONYMS");
    alias("formula", "FORMULA", "MOLECULARFORMULA");
    alias("mw", "MW", "MOLWEIGHT", "MOLECULARWEIGHT", "NOMINALMASS");
    alias("exact_mass", "EXACTMASS", "MONOISOTOPICMASS");
    alias("cas", "CAS#", "CAS", "CASNO", "CASNUMBER", "CASRN");
    alias("nist_number", "NIST#", "NISTNO", "NISTNUMBER", "NISTMS#");
    alias("db_number", "DB#", "DBNO", "DBNUMBER");
    alias("id", "ID");
    alias("inchikey", "INCHIKEY");
    alias("inchi", "INCHI", "STDINCHI", "INCHICODE");
    alias("smiles", "SMILES", "CANONICALSMILES", "ISOMERICSMILES");
    alias("spectrum_type", "SPECTRUMTYPE", "MSTYPE");
    alias("ion_mode", "IONMODE", "POLARITY", "IONIZATIONMODE");
    alias("precursor_type", "PRECURSORTYPE", "ADDUCT");
    alias("precursor_mz", "PRECURSORMZ", "PRECURSORM/Z", "PEPMASS");
    alias("collision_energy", "COLLISIONENERGY");
    alias("instrument", "INSTRUMENT", "SOURCEINSTRUMENT");
    alias("instrument_type", "INSTRUMENTTYPE");
    alias("comments", "COMMENT", "COMMENTS");
    alias("num_peaks", "NUMPEAKS");
    alias("retention_index", "RI", "RETENTIONINDEX");
    alias("retention_time", "RT", "RETENTIONTIME");
    alias("ms_level", "MSLEVEL");
    alias("charge", "CHARGE");
    alias("ionization", "IONIZATION");
    alias("splash", "SPLASH");
    alias("license", "LICENSE", "LICENCE");
    alias("authors", "AUTHORS", "AUTHOR");
    alias("contributor", "CONTRIBUTOR");
    alias("ontology", "ONTOLOGY");
    alias("scan_number", "SCANNUMBER");
    alias("accession", "ACCESSION");
    alias("spectrum_id", "SPECTRUMID");
    alias("peaks", "MASSSPECTRALPEAKS");
  }

  private MspKeys() {}

  private static void alias(String canonical, String... spellings) {
    for (String s : spellings) {
      ALIASES.put(s, canonical);
    }
  }

  /**
   * Keys as written → canonical ("" for unknown); a library uses few spellings, so this stays
   * small.
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, String> SEEN =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int MAX_SEEN = 10_000;

  /** The canonical name of a key, or null when the key is not in the alias table. */
  public static String canonicalOrNull(String key) {
    String c = SEEN.get(key);
    if (c == null) {
      c = ALIASES.getOrDefault(normalize(key), "");
      if (SEEN.size() < MAX_SEEN) {
        SEEN.put(key, c);
      }
    }
    return c.isEmpty() ? null : c;
  }

  /** The canonical name of a key, or the key as written (trimmed) when it is unknown. */
  public static String canonical(String key) {
    String c = canonicalOrNull(key);
    return c != null ? c : key.trim();
  }

  static String normalize(String key) {
    StringBuilder sb = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char ch = key.charAt(i);
      if (ch != ' ' && ch != '_' && ch != '-' && ch != '\t') {
        sb.append(ch);
      }
    }
    return sb.toString().toUpperCase(Locale.ROOT);
  }
}
