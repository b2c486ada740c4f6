package io.msetl.msp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Prints what the parser makes of every MSP fixture (a look, not a test). */
public final class FixtureDump {
  public static void main(String[] args) throws Exception {
    try (Stream<Path> s = Files.list(Fixtures.path("msp-dialects"))) {
      for (Path p : s.sorted().toList()) {
        if (!p.toString().endsWith(".msp")) continue;
        var out = Fixtures.parseMsp("msp-dialects/" + p.getFileName());
        System.out.println("=== " + p.getFileName() + " records=" + out.size());
        for (ParseOutcome o : out) {
          if (o.isAccepted()) {
            MspRecord r = o.record();
            System.out.println("  OK id=" + r.recordId() + " name=" + r.name() + " peaks=" + r.mz().length
                + " decl=" + r.numPeaksDeclared() + " smiles=" + (r.smilesDeclared() != null) + " inchi=" + (r.inchiDeclared() != null)
                + " ikey=" + r.inchikeyDeclared() + " ion=" + r.ionMode() + " prec=" + r.precursorMz() + " mw=" + r.mw()
                + " warn=" + r.warnings() + (args.length > 0 ? " meta=" + r.metadata().keySet() : ""));
          } else {
            System.out.println("  REJ id=" + o.recordId() + " " + o.rejectReason() + " " + o.rejectMessage());
          }
        }
      }
    }
  }
}
