package io.msetl.ingest;

import io.msetl.msp.MspRecord;
import io.msetl.msp.ParseOutcome;
import io.msetl.msp.RawText;
import io.msetl.tables.RejectRows;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Builds rows of {@link IngestSchemas#WIDE}: a spectrum, a reject or an orphan structure. */
final class WideRows {
  private WideRows() {}

  /** Chars of raw text kept on accepted rows, so that later rejects (duplicates) can show them. */
  static final int HEAD_CHARS = 300;

  /** The structure chosen for a spectrum. */
  record Structure(String text, String kind, String source, String file, List<String> warnings) {}

  static Row spectrum(RawRecord raw, String sha, MspRecord r, Structure s, String rawText) {
    List<String> warnings = new ArrayList<>(r.warnings());
    if (s != null) {
      warnings.addAll(s.warnings());
    }
    return RowFactory.create(
        r.recordId(),
        r.name(),
        r.synonyms().toArray(new String[0]),
        r.formula(),
        r.mw(),
        r.exactMass(),
        r.cas(),
        r.nistNumber(),
        r.dbNumber(),
        r.inchikeyDeclared(),
        r.smilesDeclared(),
        r.inchiDeclared(),
        r.spectrumType(),
        r.ionMode(),
        r.precursorType(),
        r.precursorMz(),
        r.collisionEnergy(),
        r.instrument(),
        r.instrumentType(),
        r.comments(),
        r.license(),
        r.authors(),
        scalaMap(r.metadata()),
        r.mz(),
        r.intensity(),
        r.numPeaksDeclared(),
        warnings.toArray(new String[0]),
        raw.sourceFile(),
        raw.byteOffset(),
        raw.ordinal(),
        sha,
        s == null ? null : s.text(),
        s == null ? null : s.kind(),
        s == null ? null : s.source(),
        s == null ? null : s.file(),
        IngestSchemas.SPECTRUM,
        null,
        null,
        head(rawText, HEAD_CHARS));
  }

  static Row reject(RawRecord raw, String sha, ParseOutcome o, String rawText) {
    return reject(raw, sha, o.recordId(), o.rejectReason(), o.rejectMessage(), rawText);
  }

  static Row reject(
      RawRecord raw, String sha, String recordId, String reason, String message, String rawText) {
    Object[] v = new Object[IngestSchemas.WIDE.size()];
    v[0] = recordId;
    int base = IngestSchemas.RECORDS.fieldIndex("source_file");
    v[base] = raw.sourceFile();
    v[base + 1] = raw.byteOffset();
    v[base + 2] = raw.ordinal();
    v[base + 3] = sha;
    int k = IngestSchemas.RECORDS.size();
    v[k] = IngestSchemas.REJECT;
    v[k + 1] = reason;
    v[k + 2] = message;
    v[k + 3] = head(rawText, RejectRows.MAX_EXCERPT_CHARS);
    return RowFactory.create(v);
  }

  static Row orphan(String recordId, String structureFile, RawRecord raw) {
    Object[] v = new Object[IngestSchemas.WIDE.size()];
    v[0] = recordId;
    int base = IngestSchemas.RECORDS.fieldIndex("source_file");
    v[base] = raw.sourceFile();
    v[base + 1] = raw.byteOffset();
    v[base + 2] = raw.ordinal();
    v[IngestSchemas.RECORDS.fieldIndex("structure_file")] = structureFile;
    v[IngestSchemas.RECORDS.size()] = IngestSchemas.ORPHAN;
    return RowFactory.create(v);
  }

  static String head(String s, int n) {
    return s == null || s.length() <= n ? s : s.substring(0, n);
  }

  static String sha(RawRecord raw) {
    return RawText.sha256Hex(raw.bytes(), raw.bytes().length);
  }

  private static scala.collection.Map<String, String> scalaMap(java.util.Map<String, String> m) {
    return scala.jdk.javaapi.CollectionConverters.asScala(m);
  }
}
