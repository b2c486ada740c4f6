package io.msetl.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code manifest.json}: what an export holds and how to check it. No timestamps: re-running the
 * same export writes the same manifest.
 *
 * @param featureSchema the {@code feature_schema} JSON of the latest build run (null without runs)
 * @param build run_id, config_hash and versions of the latest build run
 * @param splits per split: samples, shards, rows_per_shard, excluded (reason -> rows)
 */
public record Manifest(
    int formatVersion,
    String exportId,
    String tablesRoot,
    String tableFormat,
    Map<String, Long> tableVersions,
    String configHash,
    Map<String, Object> config,
    String featureSchema,
    Map<String, Object> build,
    Map<String, String> versions,
    Map<String, SplitSummary> splits,
    List<ShardFile> files) {

  public static final int FORMAT_VERSION = 2;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Counts for one split. */
  public record SplitSummary(
      long samples, int shards, long rowsPerShard, Map<String, Long> excluded) {}

  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", "msetl-export");
    root.put("format_version", formatVersion);
    root.put("export_id", exportId);
    root.put("tables", tablesRoot);
    root.put("table_format", tableFormat);
    root.set("table_versions", JSON.valueToTree(tableVersions));
    root.put("config_hash", configHash);
    root.set("config", JSON.valueToTree(config));
    root.set("feature_schema", featureSchemaNode());
    root.set("build", JSON.valueToTree(build));
    root.set("versions", JSON.valueToTree(new TreeMap<>(versions)));
    ObjectNode sp = root.putObject("splits");
    splits.forEach(
        (name, s) -> {
          ObjectNode n = sp.putObject(name);
          n.put("samples", s.samples());
          n.put("shards", s.shards());
          n.put("rows_per_shard", s.rowsPerShard());
          n.set("excluded", JSON.valueToTree(new TreeMap<>(s.excluded())));
        });
    var arr = root.putArray("files");
    for (ShardFile f : files) {
      ObjectNode n = arr.addObject();
      n.put("split", f.split());
      n.put("format", f.format());
      n.put("shard_index", f.shardIndex());
      n.put("path", f.path());
      n.put("rows", f.rows());
      n.put("first_sample", f.firstSample());
      n.put("bytes", f.bytes());
      n.put("sha256", f.sha256());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode featureSchemaNode() {
    if (featureSchema == null) {
      return JSON.nullNode();
    }
    try {
      return JSON.readTree(featureSchema);
    } catch (JsonProcessingException e) {
      return JSON.getNodeFactory().textNode(featureSchema);
    }
  }

  public static Manifest fromJson(String text) {
    try {
      JsonNode root = JSON.readTree(text);
      if (!"msetl-export".equals(root.path("format").asText())) {
        throw new IllegalArgumentException("not an msetl export manifest");
      }
      Map<String, Long> versions = new LinkedHashMap<>();
      root.path("table_versions")
          .fields()
          .forEachRemaining(e -> versions.put(e.getKey(), e.getValue().asLong()));
      Map<String, SplitSummary> splits = new LinkedHashMap<>();
      root.path("splits")
          .fields()
          .forEachRemaining(
              e -> {
                Map<String, Long> excluded = new TreeMap<>();
                e.getValue()
                    .path("excluded")
                    .fields()
                    .forEachRemaining(x -> excluded.put(x.getKey(), x.getValue().asLong()));
                splits.put(
                    e.getKey(),
                    new SplitSummary(
                        e.getValue().path("samples").asLong(),
                        e.getValue().path("shards").asInt(),
                        e.getValue().path("rows_per_shard").asLong(),
                        excluded));
              });
      List<ShardFile> files = new ArrayList<>();
      for (JsonNode f : root.path("files")) {
        files.add(
            new ShardFile(
                f.path("split").asText(),
                f.path("format").asText(),
                f.path("shard_index").asInt(),
                f.path("path").asText(),
                f.path("rows").asLong(),
                f.path("first_sample").asLong(),
                f.path("bytes").asLong(),
                f.path("sha256").asText()));
      }
      JsonNode fs = root.path("feature_schema");
      String schema =
          fs.isNull() || fs.isMissingNode() ? null : fs.isTextual() ? fs.asText() : fs.toString();
      @SuppressWarnings("unchecked")
      Map<String, Object> config = JSON.treeToValue(root.path("config"), Map.class);
      @SuppressWarnings("unchecked")
      Map<String, Object> build = JSON.treeToValue(root.path("build"), Map.class);
      @SuppressWarnings("unchecked")
      Map<String, String> vers = JSON.treeToValue(root.path("versions"), Map.class);
      return new Manifest(
          root.path("format_version").asInt(),
          root.path("export_id").asText(),
          root.path("tables").asText(),
          root.path("table_format").asText(),
          versions,
          root.path("config_hash").asText(),
          config,
          schema,
          build,
          vers,
          splits,
          files);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "manifest.json is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
