package io.msetl.build.incremental;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.Arrays;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * An order-independent fingerprint of a small table's rows (count plus sums of two row hashes,
 * reduced so the sums cannot overflow), so a table that would be rewritten with the same rows keeps
 * its version instead.
 */
final class Fingerprint {
  private Fingerprint() {}

  static boolean same(Dataset<Row> a, Dataset<Row> b) {
    return Objects.equals(of(a), of(b));
  }

  private static java.util.List<Object> of(Dataset<Row> rows) {
    Column[] all =
        Arrays.stream(rows.columns()).sorted().map(c -> col("`" + c + "`")).toArray(Column[]::new);
    Column h = xxhash64(all);
    Row r =
        rows.agg(
                count("*"),
                sum(pmod(h, lit(2_147_483_647L))),
                sum(pmod(xxhash64(h, lit(1)), lit(2_147_483_629L))))
            .first();
    return java.util.List.of(r.getLong(0), String.valueOf(r.get(1)), String.valueOf(r.get(2)));
  }
}
