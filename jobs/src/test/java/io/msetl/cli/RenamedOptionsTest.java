package io.msetl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --format} meant the table format in build and the shard format in export; they are now
 * {@code --table-format} and {@code --shard-format}. The old name works for one more release and
 * says so in one line on stderr.
 */
class RenamedOptionsTest {

  @Test
  void buildsOldFormatSetsTheTableFormatWithAWarning() {
    // An invalid value, so the run stops at option checking, before Spark starts.
    CliRun r = CliRun.of("build", "--format", "orc");
    assertEquals(2, r.exitCode(), r.err());
    assertEquals(
        "msetl build: warning: --format is deprecated, use --table-format (the old name goes in"
            + " the next release)\n"
            + "msetl build: error: unknown table format 'orc' (use delta or parquet)\n",
        r.errLines());
  }

  @Test
  void exportsOldFormatSetsTheShardFormatWithAWarning() {
    CliRun r = CliRun.of("export", "--format=csv");
    assertEquals(2, r.exitCode(), r.err());
    assertEquals(
        "msetl export: warning: --format is deprecated, use --shard-format (the old name goes in"
            + " the next release)\n"
            + "msetl export: error: unknown shard format 'csv' (use sqlite, lightdb or both)\n",
        r.errLines());
  }

  @Test
  void theNewNamesGiveNoWarning() {
    CliRun r = CliRun.of("build", "--table-format", "orc");
    assertEquals(
        "msetl build: error: unknown table format 'orc' (use delta or parquet)\n", r.errLines());
  }

  @Test
  void anOldConfigurationKeyStillApplies() {
    OptionSpec spec =
        new OptionSpec()
            .option("table-format", "FORMAT", "delta", "table format")
            .renamed("format", "table-format");
    ParsedOptions o = spec.parse(List.of(), Map.of("format", "parquet"));
    assertEquals("parquet", o.require("table-format"));
    assertEquals(
        List.of(
            "configuration key format is deprecated, use table-format (the old name goes in the"
                + " next release)"),
        o.warnings());
    assertEquals(
        "delta",
        spec.parse(List.of(), Map.of("format", "parquet", "table-format", "delta"))
            .require("table-format"));
  }
}
