package io.msetl.export;

import java.io.Serializable;
import org.apache.spark.sql.Row;

/**
 * One training sample as it travels to a shard writer: a spectrum with its compound, the compound's
 * structure features and its split row. Each part carries its table's columns by name (see {@link
 * io.msetl.tables.Tables}).
 */
public record ExportSample(Row compound, Row spectrum, Row graph, Row split)
    implements Serializable {

  public String compoundId() {
    return compound.getAs("id");
  }

  public String structureKey() {
    return graph.getAs("structure_key");
  }
}
