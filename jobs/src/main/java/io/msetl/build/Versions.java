package io.msetl.build;

import io.msetl.rdkit.RdkitNative;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Versions of everything that shapes the output, for the runs table and manifests. */
public final class Versions {
  private Versions() {}

  public static Map<String, String> all() {
    Map<String, String> m = new TreeMap<>();
    Properties p = new Properties();
    try (InputStream in =
        Versions.class.getResourceAsStream("/io/msetl/msetl-versions.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
    m.put("rdkit", RdkitNative.version());
    m.put("java", System.getProperty("java.version"));
    return m;
  }

  public static String msetl() {
    return all().getOrDefault("msetl", "unknown");
  }
}
