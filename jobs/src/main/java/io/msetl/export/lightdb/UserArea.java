package io.msetl.export.lightdb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msetl.digest.Sha256;
import io.msetl.export.ShardSpec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The LightDB user area of msetl files: one compact UTF-8 JSON object, zero bytes after it. It
 * summarises the shard (the full feature schema and versions are in manifest.json): what the
 * records mean, which payload file goes with the index, and which feature schema made the arrays.
 */
public final class UserArea {
  public static final String INDEX_FORMAT = "msetl-lightdb-shard";
  public static final int FORMAT_VERSION = 2;
  private static final ObjectMapper JSON = new ObjectMapper();

  private UserArea() {}

  static Map<String, Object> common(String format, ShardSpec spec, long samples) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", format);
    m.put("format_version", FORMAT_VERSION);
    m.put("split", spec.split());
    m.put("shard_index", spec.shardIndex());
    m.put("shard_count", spec.shardCount());
    m.put("sample_index_start", spec.firstSample());
    m.put("sample_count", samples);
    m.put("key", "sample_index");
    String schema = spec.meta().get("feature_schema");
    m.put("feature_schema_version", schemaVersion(schema));
    m.put("feature_schema_sha256", schema == null ? null : Sha256.hex(schema));
    m.put("config_hash", spec.meta().get("config_hash"));
    return m;
  }

  /** Encodes the summary, failing rather than truncating when it does not fit. */
  static byte[] encode(Map<String, Object> summary, int userAreaBytes) {
    byte[] b;
    try {
      b = JSON.writeValueAsBytes(summary);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    if (b.length > userAreaBytes) {
      throw new IllegalStateException(
          "LightDB user area summary needs " + b.length + " bytes, the file has " + userAreaBytes);
    }
    return b;
  }

  /** The JSON object in a user area (trailing zero bytes ignored). */
  public static JsonNode decode(byte[] area) {
    int end = area.length;
    while (end > 0 && area[end - 1] == 0) {
      end--;
    }
    try {
      return JSON.readTree(new String(area, 0, end, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "LightDB user area is not msetl JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String schemaVersion(String schema) {
    if (schema == null || schema.equals("null")) {
      return null;
    }
    try {
      JsonNode v = JSON.readTree(schema).path("feature_schema_version");
      return v.isMissingNode() || v.isNull() ? null : v.asText();
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
