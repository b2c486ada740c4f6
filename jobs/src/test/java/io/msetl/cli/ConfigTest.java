package io.msetl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  @TempDir Path tmp;

  @Test
  void sparkKeysGoToSparkAndCommandKeysToTheirCommand() throws Exception {
    Path f = tmp.resolve("my.properties");
    Files.writeString(
        f,
        "build.split-salt=abc\nexport.shard-rows=3\nspark.sql.shuffle.partitions=5\n"
            + "spark.eventLog.enabled = true\n");
    Config c = Config.load(tmp, f.toString());
    assertEquals(
        Map.of("spark.sql.shuffle.partitions", "5", "spark.eventLog.enabled", "true"),
        c.sparkSettings());
    assertEquals(Map.of("split-salt", "abc"), c.forCommand("build"));
    assertEquals(Map.of("shard-rows", "3"), c.forCommand("export"));
  }

  @Test
  void theContextOfARunCarriesTheFileItWasGiven() throws Exception {
    Path f = tmp.resolve("nightly.properties");
    Files.writeString(f, "spark.sql.shuffle.partitions=7\n");
    CliContext ctx =
        new CliContext(System.out, System.err, tmp, false, Config.load(tmp, f.toString()), null);
    assertEquals(Map.of("spark.sql.shuffle.partitions", "7"), ctx.sparkSettings());
  }
}
