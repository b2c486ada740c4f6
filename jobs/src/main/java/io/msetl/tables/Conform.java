package io.msetl.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

/** Brings a stage's output to a table's exact schema: same columns, same order, same types. */
final class Conform {
  private Conform() {}

  static Dataset<Row> toSchema(Dataset<Row> rows, Tables table) {
    Set<String> available = new TreeSet<>(Arrays.asList(rows.columns()));
    Set<String> missing = new TreeSet<>();
    Column[] columns = new Column[table.schema().fields().length];
    int i = 0;
    for (StructField f : table.schema().fields()) {
      if (!available.contains(f.name())) {
        missing.add(f.name());
        continue;
      }
      columns[i++] = functions.col(f.name()).cast(f.dataType()).as(f.name(), f.metadata());
    }
    if (!missing.isEmpty()) {
      // A missing column is a programming error in a stage, never a data problem: fail loudly.
      throw new IllegalStateException(
          "rows for table " + table.tableName() + " lack columns " + missing);
    }
    return rows.select(columns);
  }

  /** Casts the columns a partial row has (a key plus some columns) to the table's types. */
  static Dataset<Row> toColumns(Dataset<Row> rows, Tables table) {
    List<Column> columns = new ArrayList<>();
    for (String name : rows.columns()) {
      StructField f = table.schema().apply(name);
      columns.add(functions.col(name).cast(f.dataType()).as(name, f.metadata()));
    }
    return rows.select(columns.toArray(Column[]::new));
  }
}
