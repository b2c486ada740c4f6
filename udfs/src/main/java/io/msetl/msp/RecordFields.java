package io.msetl.msp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The key/value lines of one record (MSP header lines or SDF properties), under canonical keys, and
 * the rules that turn them into typed {@link MspRecord} fields. Shared by the MSP and SDF readers
 * so that both dialects produce the same columns.
 */
public final class RecordFields {
  private static final Set<String> PLACEHOLDERS =
      Set.of("", "NA", "N/A", "NONE", "NULL", "NAN", "UNKNOWN", "-", "?");
  private static final Set<String> GOLM_SYNON_PREFIXES = Set.of("MST", "METB", "GMD", "RI");
  private static final Set<String> SPLIT_ON_SEMICOLON =
      Set.of("cas", "nist_number", "db_number", "id");

  /**
   * Keys whose value a dialect may hide in a comment pair ({@code Comments: "NIST#=12"}) or in an
   * SDF header line instead of a field of its own: such a value fills the column when the field is
   * absent; when both are present the field wins and a disagreement is a {@value #CONFLICT_WARNING}
   * warning.
   */
  public static final Set<String> PROMOTED =
      Set.of(
          "id",
          "nist_number",
          "db_number",
          "cas",
          "mw",
          "exact_mass",
          "formula",
          "spectrum_type",
          "collision_energy",
          "inchikey",
          "precursor_type",
          "license");

  /** Warning code: a field and its hidden twin (comment pair, SDF header) disagree. */
  public static final String CONFLICT_WARNING = "DECLARED_FIELD_CONFLICT";

  private static final Set<String> NUMERIC = Set.of("mw", "exact_mass");

  private final Map<String, List<String>> values = new LinkedHashMap<>();

  /** canonical key -> (value, where it was found) of values hidden in comments or headers. */
  private final Map<String, Map.Entry<String, String>> hidden = new LinkedHashMap<>();

  private final List<String> synonyms = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  /** Adds one {@code key: value} line as written. */
  public void add(String rawKey, String rawValue) {
    String key = MspKeys.canonical(rawKey);
    String value = rawValue == null ? "" : rawValue.strip();
    if (key.equals("synonyms")) {
      addSynonym(value);
      return;
    }
    if (SPLIT_ON_SEMICOLON.contains(key) && value.indexOf(';') >= 0 && splitNistLine(key, value)) {
      return;
    }
    put(key, value);
    if (key.equals("comments")) {
      for (Map.Entry<String, String> p : CommentPairs.parse(value)) {
        put("comments." + p.getKey(), p.getValue());
        String canonical = MspKeys.canonicalOrNull(p.getKey());
        if (canonical != null) {
          addHidden(canonical, p.getValue(), "comment pair " + p.getKey());
        }
      }
    }
  }

  /**
   * A value of a {@link #PROMOTED} key found outside its own field; the first one per key counts.
   *
   * @param origin where it was found, for the conflict warning ({@code comment pair NIST#})
   */
  public void addHidden(String canonicalKey, String value, String origin) {
    if (PROMOTED.contains(canonicalKey)
        && !isPlaceholder(value)
        && !hidden.containsKey(canonicalKey)) {
      hidden.put(canonicalKey, Map.entry(value.strip(), origin));
    }
  }

  /** The field's value, else its hidden twin's; null when neither. Never warns. */
  public String declared(String key) {
    String field = first(key);
    if (field != null) {
      return field;
    }
    Map.Entry<String, String> h = hidden.get(key);
    return h == null ? null : h.getKey();
  }

  /** The explicit field only (no hidden twin), first non-placeholder value. */
  public String field(String key) {
    return first(key);
  }

  /** Hidden twin of a key, or null. */
  public String hiddenValue(String key) {
    Map.Entry<String, String> h = hidden.get(key);
    return h == null ? null : h.getKey();
  }

  /** Adds a {@value #CONFLICT_WARNING} warning for every field whose hidden twin disagrees. */
  private void warnConflicts() {
    for (Map.Entry<String, Map.Entry<String, String>> e : hidden.entrySet()) {
      String key = e.getKey();
      String field = first(key);
      String twin = e.getValue().getKey();
      if (field != null && !sameValue(key, field, twin)) {
        warnings.add(
            CONFLICT_WARNING
                + ": "
                + key
                + " field '"
                + field
                + "' differs from the "
                + e.getValue().getValue()
                + " '"
                + twin
                + "' (the field is kept)");
      }
    }
  }

  private static boolean sameValue(String key, String a, String b) {
    if (NUMERIC.contains(key)) {
      Double x = parseNumber(a);
      Double y = parseNumber(b);
      if (x != null && y != null) {
        return Math.abs(x - y) <= 1e-3; // written with different precision, same mass
      }
    }
    if (key.equals("cas")) {
      return a.replace("-", "").strip().equals(b.replace("-", "").strip());
    }
    return a.strip().equalsIgnoreCase(b.strip());
  }

  private static Double parseNumber(String v) {
    String t = v.trim();
    if (t.indexOf(',') >= 0 && t.indexOf('.') < 0) {
      t = t.replace(',', '.');
    }
    try {
      double d = Double.parseDouble(t);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public void warn(String warning) {
    warnings.add(warning);
  }

  /** {@code CAS#: 0123-45-6; NIST#: 654321} on one line (lib2nist). */
  private boolean splitNistLine(String key, String value) {
    String[] parts = value.split(";");
    List<String[]> extra = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.isEmpty()) {
        continue;
      }
      int colon = p.indexOf(':');
      if (colon <= 0 || MspKeys.canonicalOrNull(p.substring(0, colon)) == null) {
        return false;
      }
      extra.add(new String[] {p.substring(0, colon), p.substring(colon + 1)});
    }
    put(key, parts[0].strip());
    for (String[] kv : extra) {
      add(kv[0], kv[1]);
    }
    return true;
  }

  private void addSynonym(String value) {
    if (value.startsWith("$:") && value.length() >= 4) {
      put(
          value.substring(0, 4),
          value.substring(4).strip()); // NIST coded synonym, e.g. $:00in-source
      return;
    }
    int colon = value.indexOf(": ");
    if (colon > 0) {
      String head = value.substring(0, colon);
      String first = head.split(" ", 2)[0];
      if (GOLM_SYNON_PREFIXES.contains(first)) { // Golm: "Synon: METB InChIKey: ..." carries a key
        add(head, value.substring(colon + 2));
        return;
      }
    }
    if (!value.isEmpty()) {
      synonyms.add(value);
    }
    put("synonyms", value);
  }

  private void put(String key, String value) {
    List<String> list = values.computeIfAbsent(key, k -> new ArrayList<>(1));
    if (!list.contains(value)) {
      list.add(value);
    }
  }

  /** First non-placeholder value of a canonical key, or null. */
  public String first(String key) {
    List<String> list = values.get(key);
    if (list == null) {
      return null;
    }
    for (String v : list) {
      if (!isPlaceholder(v)) {
        return v;
      }
    }
    return null;
  }

  /** First value as written (even "Unknown"), or null; for free-text fields like the name. */
  public String firstAsWritten(String key) {
    List<String> list = values.get(key);
    if (list == null) {
      return null;
    }
    for (String v : list) {
      if (!v.isEmpty()) {
        return v;
      }
    }
    return null;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public static boolean isPlaceholder(String v) {
    if (v == null) {
      return true;
    }
    if (v.length() > 9) {
      return false; // longer than any placeholder, even with spaces around it: skip the
      // upper-casing
    }
    return PLACEHOLDERS.contains(v.trim().toUpperCase(Locale.ROOT));
  }

  /** A numeric field; decimal commas accepted ({@code 175,301}); unparseable → null + warning. */
  public Double number(String key) {
    String v = declared(key);
    if (v == null) {
      return null;
    }
    String t = v.trim();
    if (t.indexOf(',') >= 0 && t.indexOf('.') < 0) {
      t = t.replace(',', '.');
    }
    try {
      double d = Double.parseDouble(t);
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // fall through: kept as written in metadata, flagged here
    }
    warnings.add("UNPARSEABLE_VALUE: " + key + "='" + v + "'");
    return null;
  }

  public Integer integer(String key) {
    String v = first(key);
    if (v == null) {
      return null;
    }
    try {
      return Integer.valueOf(v.trim());
    } catch (NumberFormatException e) {
      warnings.add("UNPARSEABLE_VALUE: " + key + "='" + v + "'");
      return null;
    }
  }

  /** Value of the first comment pair whose key equals one of {@code keys} (case-insensitive). */
  public String commentPair(String... keys) {
    for (String k : keys) {
      for (Map.Entry<String, List<String>> e : values.entrySet()) {
        if (e.getKey().startsWith("comments.") && e.getKey().substring(9).equalsIgnoreCase(k)) {
          for (String v : e.getValue()) {
            if (!isPlaceholder(v)) {
              return v;
            }
          }
        }
      }
    }
    return null;
  }

  public List<String> synonyms() {
    return List.copyOf(synonyms);
  }

  public List<String> warnings() {
    return warnings;
  }

  /** All keys, sorted (deterministic map order), repeated values joined with '\n'. */
  public Map<String, String> metadata() {
    Map<String, String> m = new TreeMap<>();
    values.forEach((k, v) -> m.put(k, v.size() == 1 ? v.get(0) : String.join("\n", v)));
    return m;
  }

  /** Builds the record; {@code fallbackId} is {@code <file name>#<ordinal>}. */
  public MspRecord toRecord(
      String fallbackId, double[] mz, double[] intensity, Integer numPeaksDeclared) {
    warnConflicts();
    String id = first("id");
    String db = declared("db_number");
    String nist = declared("nist_number");
    String recordId = RecordIds.of(this, fallbackId);
    String smiles = first("smiles");
    if (smiles == null) {
      smiles = commentPair("SMILES", "computed SMILES");
    }
    String inchi = first("inchi");
    if (inchi == null || !inchi.startsWith("InChI=")) {
      String fromComment = commentPair("InChI", "computed InChI");
      inchi = fromComment != null && fromComment.startsWith("InChI=") ? fromComment : null;
    }
    String inchikey = declared("inchikey");
    if (inchikey == null) {
      inchikey = commentPair("computed InChIKey");
    }
    Double precursor = number("precursor_mz");
    if (precursor != null && precursor <= 0) {
      precursor = null; // MoNA GC-MS writes PrecursorMZ: 0 for "none"
    }
    return new MspRecord(
        recordId,
        id,
        firstAsWritten("name"),
        synonyms(),
        declared("formula"),
        number("mw"),
        number("exact_mass"),
        declared("cas"),
        nist,
        db,
        inchikey,
        smiles,
        inchi,
        declared("spectrum_type"),
        ionMode(first("ion_mode")),
        declared("precursor_type"),
        precursor,
        declared("collision_energy"),
        first("instrument"),
        first("instrument_type"),
        firstAsWritten("comments"),
        metadata(),
        mz,
        intensity,
        numPeaksDeclared,
        declared("license"),
        firstAsWritten("authors"),
        List.copyOf(warnings));
  }

  /** P / N for the spellings of positive / negative; anything else as written. */
  static String ionMode(String v) {
    if (v == null) {
      return null;
    }
    String u = v.trim().toUpperCase(Locale.ROOT);
    if (u.equals("P") || u.equals("POS") || u.equals("POSITIVE") || u.equals("+")) {
      return "P";
    }
    if (u.equals("N") || u.equals("NEG") || u.equals("NEGATIVE") || u.equals("-")) {
      return "N";
    }
    return v.trim();
  }
}
