package io.msetl.ingest;

import io.msetl.msp.LibraryFormat;
import io.msetl.msp.MassBankParser;
import io.msetl.msp.MgfParser;
import io.msetl.msp.MspParser;
import io.msetl.msp.MspRecord;
import io.msetl.msp.MspRejects;
import io.msetl.msp.NumPeaksMismatch;
import io.msetl.msp.ParseOutcome;
import io.msetl.msp.RawText;
import io.msetl.msp.SdfSpectrumParser;
import io.msetl.structure.MolBlocks;
import io.msetl.structure.MolFileLocator;
import io.msetl.structure.SdfRecord;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Executor-side work of one partition: decode, parse, and attach the structure found without a
 * shuffle — the record's own MOL file (read here, by name), else its SMILES, else its InChI. SDF
 * molblocks (a join) are attached later by {@link Ingest}.
 */
final class Parsing implements Serializable {
  private final IngestOptions options;
  private final SerializableConf conf;

  Parsing(IngestOptions options, SerializableConf conf) {
    this.options = options;
    this.conf = conf;
  }

  /** A parser of one decoded text record (MSP, MGF or MassBank). */
  interface TextParser {
    ParseOutcome parse(String text, String fallbackId);
  }

  private TextParser parser(LibraryFormat format) {
    NumPeaksMismatch policy = options.numPeaksMismatch();
    return switch (format) {
      case MSP -> new MspParser(policy)::parse;
      case MGF -> new MgfParser(policy)::parse;
      case MASSBANK -> new MassBankParser(policy)::parse;
      case SDF -> throw new IllegalArgumentException("SDF records are parsed by sdfSpectra");
    };
  }

  /** Text records (MSP, MGF, MassBank) to wide rows; structures from MOL files or declared. */
  Iterator<Row> textRecords(Iterator<RawRecord> it, LibraryFormat format) {
    TextParser parser = parser(format);
    MolFileLocator mol = locator();
    return map(
        it,
        raw -> {
          String sha = WideRows.sha(raw);
          RawText decoded = RawText.decode(raw.bytes(), raw.bytes().length);
          if (raw.truncated()) {
            return tooLarge(raw, sha, decoded);
          }
          ParseOutcome o = parser.parse(decoded.text(), fallbackId(raw));
          if (!o.isAccepted()) {
            return WideRows.reject(raw, sha, o, decoded.text());
          }
          MspRecord r = withFallbackWarning(o.record(), decoded);
          return WideRows.spectrum(raw, sha, r, structureOf(r, mol, format.name()), decoded.text());
        });
  }

  private Row tooLarge(RawRecord raw, String sha, RawText decoded) {
    return WideRows.reject(
        raw,
        sha,
        fallbackId(raw),
        MspRejects.RECORD_TOO_LARGE,
        "record of "
            + raw.fullLength()
            + " bytes is larger than the cap of "
            + options.maxRecordBytes()
            + " bytes (a missing record separator?); sha256 is of its first "
            + raw.bytes().length
            + " bytes",
        decoded.text());
  }

  /**
   * (record_id, source_file, byte_offset) of the accepted spectra only: the cheap input of the
   * duplicate-id check (no MOL files read, no wide rows built).
   */
  Iterator<Row> spectrumIds(Iterator<RawRecord> it, LibraryFormat format) {
    TextParser text = format == LibraryFormat.SDF ? null : parser(format);
    SdfSpectrumParser sdf = new SdfSpectrumParser(options.numPeaksMismatch());
    return mapSkippingNulls(
        it,
        raw -> {
          if (raw.truncated()) {
            return null;
          }
          String decoded = RawText.decode(raw.bytes(), raw.bytes().length).text();
          ParseOutcome o;
          if (text == null) {
            SdfRecord rec = SdfRecord.parse(decoded);
            if (!SdfSpectrumParser.hasSpectrum(rec)) {
              return null;
            }
            o = sdf.parse(rec, fallbackId(raw));
          } else {
            o = text.parse(decoded, fallbackId(raw));
          }
          return o.isAccepted()
              ? RowFactory.create(o.recordId(), raw.sourceFile(), raw.byteOffset())
              : null;
        });
  }

  static final StructType SPECTRUM_IDS =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("dup_id", DataTypes.StringType, false),
            DataTypes.createStructField("dup_file", DataTypes.StringType, false),
            DataTypes.createStructField("dup_offset", DataTypes.LongType, false),
          });

  /** SDF as the record source: molecules with peaks are spectra, the others orphan structures. */
  Iterator<Row> sdfSpectra(Iterator<RawRecord> it) {
    SdfSpectrumParser parser = new SdfSpectrumParser(options.numPeaksMismatch());
    return map(
        it,
        raw -> {
          String sha = WideRows.sha(raw);
          RawText decoded = RawText.decode(raw.bytes(), raw.bytes().length);
          if (raw.truncated()) {
            return tooLarge(raw, sha, decoded);
          }
          SdfRecord sdf = SdfRecord.parse(decoded.text());
          if (!SdfSpectrumParser.hasSpectrum(sdf)) {
            return WideRows.orphan(
                SdfSpectrumParser.recordId(sdf, fallbackId(raw)), raw.sourceFile(), raw);
          }
          ParseOutcome o = parser.parse(sdf, fallbackId(raw));
          if (!o.isAccepted()) {
            return WideRows.reject(raw, sha, o, decoded.text());
          }
          MspRecord r = withFallbackWarning(o.record(), decoded);
          WideRows.Structure s = sdfStructure(sdf, raw.sourceFile());
          if (s == null) {
            s = declared(r, "SDF");
          }
          return WideRows.spectrum(raw, sha, r, s, decoded.text());
        });
  }

  /** SDF as a structure source for MSP records: rows of {@link #SDF_STRUCTURES}. */
  Iterator<Row> sdfStructures(Iterator<RawRecord> it) {
    return mapSkippingNulls(
        it,
        raw -> {
          if (raw.truncated()) {
            return null; // too large to be a molblock; its spectrum record (if any) says so
          }
          SdfRecord sdf = SdfRecord.parse(RawText.decode(raw.bytes(), raw.bytes().length).text());
          WideRows.Structure s = sdfStructure(sdf, raw.sourceFile());
          return s == null
              ? null
              : RowFactory.create(
                  SdfSpectrumParser.recordId(sdf, fallbackId(raw)),
                  s.text(),
                  raw.sourceFile(),
                  raw.byteOffset(),
                  s.warnings().toArray(new String[0]));
        });
  }

  /** One usable SDF molecule offered as a structure to the MSP records. */
  static final StructType SDF_STRUCTURES =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("sdf_record_id", DataTypes.StringType, false),
            DataTypes.createStructField("sdf_molblock", DataTypes.StringType, false),
            DataTypes.createStructField("sdf_file", DataTypes.StringType, false),
            DataTypes.createStructField("sdf_offset", DataTypes.LongType, false),
            DataTypes.createStructField(
                "sdf_warnings", DataTypes.createArrayType(DataTypes.StringType, false), false),
          });

  private WideRows.Structure structureOf(MspRecord r, MolFileLocator mol, String format) {
    List<String> warnings = new ArrayList<>();
    if (mol != null && r.idField() != null) {
      try {
        MolFileLocator.MolFile f = mol.find(r.idField());
        if (f != null) {
          MolBlocks.Normalized n = MolBlocks.normalize(f.text());
          if (n != null && !n.isEmpty()) {
            return new WideRows.Structure(
                n.molblock(), "molblock", "MOL_FILE", f.path(), repairWarnings(n.repairs()));
          }
          warnings.add(
              "MOL_FILE_UNUSABLE: "
                  + f.path()
                  + (n == null ? " has no counts line" : " has no atoms"));
        }
      } catch (IOException e) {
        warnings.add("MOL_FILE_UNREADABLE: " + e.getMessage());
      }
    }
    WideRows.Structure s = declared(r, format);
    if (s != null && !warnings.isEmpty()) {
      List<String> all = new ArrayList<>(warnings);
      all.addAll(s.warnings());
      return new WideRows.Structure(s.text(), s.kind(), s.source(), s.file(), all);
    }
    return s != null
        ? s
        : warnings.isEmpty() ? null : new WideRows.Structure(null, null, null, null, warnings);
  }

  /**
   * SMILES before InChI: both as declared in the record (fields or comment pairs); the source is
   * {@code <format>_SMILES} / {@code <format>_INCHI} (MSP_SMILES, MGF_INCHI, MASSBANK_SMILES, ...).
   * SDF records declaring only SMILES / InChI keep the MSP_ names they always had.
   */
  private static WideRows.Structure declared(MspRecord r, String format) {
    String prefix = format.equals("SDF") ? "MSP" : format;
    if (r.smilesDeclared() != null) {
      return new WideRows.Structure(
          r.smilesDeclared(), "smiles", prefix + "_SMILES", null, List.of());
    }
    if (r.inchiDeclared() != null) {
      return new WideRows.Structure(r.inchiDeclared(), "inchi", prefix + "_INCHI", null, List.of());
    }
    return null;
  }

  static WideRows.Structure sdfStructure(SdfRecord sdf, String file) {
    MolBlocks.Normalized n = MolBlocks.normalize(sdf.molblockLines());
    if (n == null || n.isEmpty()) {
      return null;
    }
    return new WideRows.Structure(
        n.molblock(), "molblock", "SDF", file, repairWarnings(n.repairs()));
  }

  private static List<String> repairWarnings(List<String> repairs) {
    List<String> w = new ArrayList<>(repairs.size());
    for (String r : repairs) {
      w.add(r + ": molblock repaired");
    }
    return w;
  }

  private static MspRecord withFallbackWarning(MspRecord r, RawText decoded) {
    return decoded.fallback()
        ? r.withWarning(RawText.FALLBACK_WARNING + ": bytes were not valid UTF-8")
        : r;
  }

  static String fallbackId(RawRecord raw) {
    String f = raw.sourceFile();
    return f.substring(f.lastIndexOf('/') + 1) + "#" + raw.ordinal();
  }

  private MolFileLocator locator() {
    if (options.molDir() == null) {
      return null;
    }
    try {
      return new MolFileLocator(options.molDir(), options.molPattern(), conf.get());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open MOL directory " + options.molDir(), e);
    }
  }

  private interface RowFn {
    Row apply(RawRecord raw);
  }

  /**
   * Like {@link #map}, dropping the records for which {@code fn} returns null; streams, never
   * buffers.
   */
  static <T, R> Iterator<R> mapSkippingNulls(Iterator<T> it, java.util.function.Function<T, R> fn) {
    return new Iterator<>() {
      R next = advance();

      private R advance() {
        while (it.hasNext()) {
          R r = fn.apply(it.next());
          if (r != null) {
            return r;
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public R next() {
        if (next == null) {
          throw new java.util.NoSuchElementException();
        }
        R r = next;
        next = advance();
        return r;
      }
    };
  }

  private static Iterator<Row> map(Iterator<RawRecord> it, RowFn fn) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Row next() {
        return fn.apply(it.next());
      }
    };
  }
}
