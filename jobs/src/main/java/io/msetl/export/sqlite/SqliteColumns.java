package io.msetl.export.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;

/**
 * How a table column becomes a SQLite column: numbers and text as themselves, numeric arrays as
 * zlib little-endian blobs, string arrays and maps as JSON text (maps with sorted keys, so the
 * bytes do not depend on map order).
 */
final class SqliteColumns {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Integer arrays stored as int64 because PyTorch Geometric indexes with int64. */
  static final String EDGE_INDEX = "edge_index";

  private SqliteColumns() {}

  static String sqlType(StructField f) {
    DataType t = f.dataType();
    String base;
    if (t instanceof StringType || t instanceof MapType) {
      base = "TEXT";
    } else if (t instanceof IntegerType || t instanceof LongType || t instanceof BooleanType) {
      base = "INTEGER";
    } else if (t instanceof DoubleType || t instanceof FloatType) {
      base = "REAL";
    } else if (t instanceof ArrayType a) {
      base = a.elementType() instanceof StringType ? "TEXT" : "BLOB";
    } else {
      throw new IllegalArgumentException(
          "no SQLite mapping for column " + f.name() + " of type " + t.simpleString());
    }
    return f.nullable() ? base : base + " NOT NULL";
  }

  /** numpy dtype of a blob column, or null when the column is not a blob. */
  static String dtype(StructField f) {
    if (!(f.dataType() instanceof ArrayType a)) {
      return null;
    }
    DataType e = a.elementType();
    if (e instanceof FloatType) {
      return "<f4";
    }
    if (e instanceof DoubleType) {
      return "<f8";
    }
    if (e instanceof IntegerType) {
      return f.name().equals(EDGE_INDEX) ? "<i8" : "<i4";
    }
    if (e instanceof LongType) {
      return "<i8";
    }
    return null;
  }

  static void bind(PreparedStatement ps, int index, Row row, StructField f, ArrayCodec codec)
      throws SQLException {
    int i = row.fieldIndex(f.name());
    if (row.isNullAt(i)) {
      ps.setNull(index, Types.NULL);
      return;
    }
    DataType t = f.dataType();
    if (t instanceof StringType) {
      ps.setString(index, row.getString(i));
    } else if (t instanceof IntegerType) {
      ps.setInt(index, row.getInt(i));
    } else if (t instanceof LongType) {
      ps.setLong(index, row.getLong(i));
    } else if (t instanceof BooleanType) {
      ps.setInt(index, row.getBoolean(i) ? 1 : 0);
    } else if (t instanceof DoubleType) {
      ps.setDouble(index, row.getDouble(i));
    } else if (t instanceof FloatType) {
      ps.setDouble(index, row.getFloat(i));
    } else if (t instanceof MapType) {
      ps.setString(index, json(new TreeMap<>(row.getJavaMap(i))));
    } else if (t instanceof ArrayType) {
      List<Object> values = row.getList(i);
      String dtype = dtype(f);
      if (dtype == null) {
        ps.setString(index, json(new ArrayList<>(values)));
      } else {
        ps.setBytes(
            index,
            switch (dtype) {
              case "<f4" -> codec.floats(values);
              case "<f8" -> codec.doubles(values);
              case "<i8" -> codec.longs(values);
              default -> codec.ints(values);
            });
      }
    } else {
      throw new IllegalArgumentException("no SQLite mapping for column " + f.name());
    }
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static Map<String, Object> orderedMap() {
    return new java.util.LinkedHashMap<>();
  }
}
