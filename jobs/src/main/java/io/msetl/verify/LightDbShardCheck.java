package io.msetl.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.msetl.export.ShardFile;
import io.msetl.export.lightdb.LightDbShardFormat;
import io.msetl.export.lightdb.LightDbShardReader;
import io.msetl.export.lightdb.UserArea;
import io.msetl.export.sqlite.ShardSample;
import io.msetl.lightdb.Elements;
import io.msetl.lightdb.LightDb;
import io.msetl.lightdb.LightDbException;
import io.msetl.lightdb.VerifyReport;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * Checks one LightDB file of an export: the LightDB structural verify, record count and contiguous
 * keys against the manifest, the user-area summary (format version, feature schema version), and
 * that sampled records decode from the payload with their CRCs intact.
 */
final class LightDbShardCheck {
  private final ExportLocation loc;
  private final List<String> problems;

  private final String featureSchemaVersion;

  LightDbShardCheck(ExportLocation loc, List<String> problems, String featureSchemaVersion) {
    this.loc = loc;
    this.problems = problems;
    this.featureSchemaVersion = featureSchemaVersion;
  }

  /** Checks {@code f}; decoded index samples go to {@code picked}. */
  void check(ShardFile f, int perShard, List<ShardSample> picked) throws IOException {
    Path p = new Path(loc.dir(), f.path());
    if (!loc.fs().exists(p)) {
      return;
    }
    String role = LightDbShardFormat.role(p.getName());
    try {
      if (role.equals("index")) {
        checkIndex(f, p, perShard, picked);
      }
    } catch (LightDbException | IllegalArgumentException e) {
      problems.add(f.path() + ": cannot read as LightDB " + role + " file: " + e.getMessage());
    }
  }

  private void checkIndex(ShardFile f, Path p, int perShard, List<ShardSample> picked)
      throws IOException {
    Path dat = sibling(p, LightDbShardFormat.PAYLOAD_SUFFIX);
    if (!loc.fs().exists(dat)) {
      problems.add(f.path() + ": its payload " + dat.getName() + " is missing");
      return;
    }
    try (LightDbShardReader r = new LightDbShardReader(loc.local(p), loc.local(dat))) {
      if (!checkTree(f, r.index(), UserArea.INDEX_FORMAT)) {
        return;
      }
      JsonNode u = r.summary();
      if (u.path("payload_bytes").asLong() != r.payloadBytes()) {
        problems.add(
            f.path()
                + ": user area says the payload has "
                + u.path("payload_bytes").asLong()
                + " bytes, "
                + dat.getName()
                + " has "
                + r.payloadBytes());
      }
      for (long i : Verifier.pick(f.firstSample(), f.rows(), perShard)) {
        ShardSample s = r.sample(i);
        if (s == null) {
          problems.add(f.path() + ": sample " + i + " cannot be read");
        } else {
          picked.add(s);
        }
      }
    } catch (IOException e) {
      problems.add(f.path() + ": cannot read its payload: " + e.getMessage());
    }
  }

  /** Structure, count, key range and user-area format; false when the file is unusable. */
  private boolean checkTree(ShardFile f, LightDb db, String format) {
    VerifyReport v = db.verify();
    if (!v.ok()) {
      problems.add(f.path() + ": LightDB verify says " + String.join("; ", v.problems()));
      return false;
    }
    long count = db.recordCount();
    if (count != f.rows()) {
      problems.add(f.path() + ": " + count + " records, manifest says " + f.rows());
    }
    if (count > 0) {
      long min = Elements.toLongs(db.minimum().orElseThrow().key())[0];
      long max = Elements.toLongs(db.maximum().orElseThrow().key())[0];
      if (min != f.firstSample() || max != f.firstSample() + count - 1) {
        problems.add(
            f.path()
                + ": sample indexes "
                + min
                + ".."
                + max
                + " are not contiguous from "
                + f.firstSample());
      }
    }
    JsonNode u = UserArea.decode(db.readUserArea());
    if (u.path("format_version").asInt() != UserArea.FORMAT_VERSION) {
      problems.add(
          f.path()
              + ": LightDB shard format_version "
              + u.path("format_version")
              + ", this msetl reads "
              + UserArea.FORMAT_VERSION);
      return false;
    }
    if (!java.util.Objects.equals(
        featureSchemaVersion, textOrNull(u.path("feature_schema_version")))) {
      problems.add(
          f.path()
              + ": feature_schema_version "
              + u.path("feature_schema_version")
              + ", the manifest's is "
              + featureSchemaVersion);
    }
    if (!format.equals(u.path("format").asText())
        || u.path("sample_count").asLong() != count
        || u.path("sample_index_start").asLong() != f.firstSample()) {
      problems.add(f.path() + ": user area does not describe this shard: " + u);
    }
    return true;
  }

  private static String textOrNull(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? null : n.asText();
  }

  private static Path sibling(Path indexFile, String suffix) {
    String name = indexFile.getName();
    return new Path(
        indexFile.getParent(),
        name.substring(0, name.length() - LightDbShardFormat.INDEX_SUFFIX.length()) + suffix);
  }
}
