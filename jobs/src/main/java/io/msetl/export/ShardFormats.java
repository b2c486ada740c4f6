package io.msetl.export;

import io.msetl.errors.MsetlErrors;
import io.msetl.export.lightdb.LightDbShardFormat;
import io.msetl.export.sqlite.SqliteShardFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The shard formats {@code --shard-format} can name. A new format registers here and nowhere else.
 */
public final class ShardFormats {
  private static final Map<String, Supplier<ShardFormat>> AVAILABLE =
      Map.of(
          SqliteShardFormat.NAME, SqliteShardFormat::new,
          LightDbShardFormat.NAME, LightDbShardFormat::new);
  private static final List<String> BOTH = List.of(SqliteShardFormat.NAME, LightDbShardFormat.NAME);

  private ShardFormats() {}

  /** {@code sqlite}, {@code lightdb}, {@code both}, or a comma list. */
  public static List<ShardFormat> parse(String text) {
    List<String> names = new ArrayList<>();
    for (String part : text.toLowerCase(Locale.ROOT).split(",")) {
      String n = part.trim();
      if (n.equals("both")) {
        names.addAll(BOTH);
      } else if (!n.isEmpty()) {
        names.add(n);
      }
    }
    List<ShardFormat> out = new ArrayList<>();
    for (String n : names.stream().distinct().sorted().toList()) {
      Supplier<ShardFormat> f = AVAILABLE.get(n);
      if (f == null) {
        throw MsetlErrors.unknownShardFormat(n, BOTH);
      }
      out.add(f.get());
    }
    if (out.isEmpty()) {
      throw MsetlErrors.noShardFormat("shard-format");
    }
    return out;
  }
}
