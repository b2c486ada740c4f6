package io.msetl.build;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.msetl.tables.TableStore;
import io.msetl.tables.Tables;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/** Every data table's rows as sorted JSON lines: two builds are equal iff these are. */
final class TableSnapshots {
  private TableSnapshots() {}

  static Map<String, List<String>> of(TableStore store) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (Tables t : Tables.data()) {
      m.put(t.tableName(), rows(store, t));
    }
    return m;
  }

  static List<String> rows(TableStore store, Tables t) {
    return rows(store.read(t), t);
  }

  static List<String> rowsAt(TableStore store, Tables t, long version) {
    return rows(store.readVersion(t, version), t);
  }

  private static List<String> rows(org.apache.spark.sql.Dataset<Row> ds, Tables t) {
    Column[] cols =
        Arrays.stream(t.schema().fieldNames())
            .filter(c -> !(t == Tables.FEATURIZE_FAILURES && c.equals("run_id")))
            .map(c -> col("`" + c + "`"))
            .toArray(Column[]::new);
    return ds.select(to_json(struct(cols)).as("j")).orderBy("j").collectAsList().stream()
        .map((Row r) -> r.getString(0))
        .toList();
  }
}
