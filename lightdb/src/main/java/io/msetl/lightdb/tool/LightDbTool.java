package io.msetl.lightdb.tool;

import io.msetl.lightdb.Elements;
import io.msetl.lightdb.KeyComparator;
import io.msetl.lightdb.LightDb;
import io.msetl.lightdb.LightDbException;
import io.msetl.lightdb.LightDbOptions;
import io.msetl.lightdb.OpenMode;
import io.msetl.lightdb.Record;
import io.msetl.lightdb.Schema;
import io.msetl.lightdb.VerifyReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Command line for LightDB files: {@code info|verify|dump|get FILE [key...]}. Exit codes: 0
 * success, 1 verify found problems or get found no record, 2 unusable arguments or unreadable file
 * (one line).
 */
public final class LightDbTool {
  private static final String USAGE =
      String.join(
          "\n",
          "usage: lightdb <command> [--comparator bytes] FILE [key...]",
          "commands:",
          "  info    FILE           print the header facts (like the original's print-info)",
          "  verify  FILE           check every B-tree invariant; exit 1 if problems are found",
          "  dump    FILE           print all records in key order, one per line: key elements then data elements",
          "  get     FILE KEY...    print the record with this key (one number per key element; 0xNN per byte for type 11)",
          "options:",
          "  --comparator bytes     key order for key type 11 files: unsigned bytewise (memcmp)",
          "  --help                 this text");

  private LightDbTool() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> rest = new ArrayList<>();
    LightDbOptions options = LightDbOptions.defaults();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        out.println(USAGE);
        return 0;
      } else if (a.equals("--comparator")) {
        if (i + 1 >= args.length || !args[i + 1].equals("bytes")) {
          err.println("error: --comparator needs the value 'bytes'");
          return 2;
        }
        options = options.withComparator(KeyComparator.MEMCMP);
        i++;
      } else if (a.startsWith("--")) {
        err.println("error: unknown option " + a + " (see --help)");
        return 2;
      } else {
        rest.add(a);
      }
    }
    if (rest.size() < 2) {
      err.println("error: need a command and a FILE (see --help)");
      return 2;
    }
    String command = rest.get(0);
    Path file = Path.of(rest.get(1));
    List<String> keyTokens = rest.subList(2, rest.size());
    if (!List.of("info", "verify", "dump", "get").contains(command)) {
      err.println("error: unknown command " + command + " (see --help)");
      return 2;
    }
    if (!command.equals("get") && !keyTokens.isEmpty()) {
      err.println("error: " + command + " takes only a FILE");
      return 2;
    }
    try (LightDb db = LightDb.open(file, OpenMode.READ_ONLY, null, options)) {
      switch (command) {
        case "info":
          db.info().forEach(out::println);
          return 0;
        case "verify":
          {
            VerifyReport v = db.verify();
            db.info().forEach(out::println);
            v.lines().forEach(out::println);
            return v.ok() ? 0 : 1;
          }
        case "dump":
          for (Optional<Record> r = db.minimum(); r.isPresent(); r = db.next()) {
            out.println(format(db.schema(), r.get()));
          }
          return 0;
        default:
          return get(db, keyTokens, out, err);
      }
    } catch (LightDbException e) {
      err.println("error: " + file + ": " + e.getMessage());
      return 2;
    }
  }

  private static int get(LightDb db, List<String> tokens, PrintStream out, PrintStream err) {
    Schema s = db.schema();
    if (tokens.size() != s.keyElements()) {
      err.println(
          "error: the key has "
              + s.keyElements()
              + " element(s) of type "
              + s.keyType().libraryName()
              + ", got "
              + tokens.size());
      return 2;
    }
    byte[] key;
    try {
      key = Elements.parse(s.keyType(), s.keyElements(), tokens.toArray(new String[0]), 0);
    } catch (NumberFormatException e) {
      err.println("error: bad key value for " + s.keyType().libraryName() + ": " + e.getMessage());
      return 2;
    }
    if (s.keyType().isFloatingPoint()
        && tokens.stream().anyMatch(t -> t.toLowerCase(java.util.Locale.ROOT).contains("nan"))) {
      err.println("error: NaN is not a valid key");
      return 2;
    }
    Optional<byte[]> data = db.read(key);
    if (data.isEmpty()) {
      err.println("key not found (20)");
      return 1;
    }
    out.println(format(s, new Record(key, data.get())));
    return 0;
  }

  static String format(Schema s, Record r) {
    return Elements.format(s.keyType(), r.key()) + " " + Elements.format(s.dataType(), r.data());
  }
}
