package io.msetl.rdkit;

import io.msetl.digest.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import org.RDKit.RDKFuncs;

/**
 * Loads RDKit's JNI library ({@code libGraphMolWrap.so}) once per JVM, on the driver and on every
 * executor.
 *
 * <p>Where the library comes from, first match wins:
 *
 * <ol>
 *   <li>an explicit path passed to {@link #load(String)} (the Spark stages pass the Spark conf
 *       {@value #SPARK_CONF_KEY} read on the driver);
 *   <li>the system property {@value #LIBRARY_PROPERTY};
 *   <li>the environment variable {@value #LIBRARY_ENV};
 *   <li>the copy bundled in the rdkit-jupyter jar, extracted to {@code
 *       ${java.io.tmpdir}/msetl-rdkit-${user.name}/<sha256 prefix>/}. The directory is keyed by the
 *       library's sha256 and reused while its content is intact, so JVMs that are killed
 *       (executors, benchmarks) never accumulate copies: there is one 18 MB file per RDKit build,
 *       not one per JVM. Only when that private directory cannot be used safely (owned by someone
 *       else, a symlink) is a fresh temp copy made and unlinked right after loading.
 * </ol>
 *
 * <p>A JNI library binds to the classloader of the class that calls {@code System.load}; this class
 * therefore has to live in the same classloader as {@code org.RDKit.*} (ship both in one jar or
 * both via {@code --jars}). {@link #load()} checks this and explains it when violated.
 *
 * <p>A user-supplied library must match the {@code org.RDKit} classes on the classpath (same RDKit
 * build); a mismatch shows up as unbound JNI symbols and is reported as such.
 */
public final class RdkitNative {

  public static final String LIBRARY_PROPERTY = "msetl.rdkit.library";
  public static final String LIBRARY_ENV = "MSETL_RDKIT_LIBRARY";

  /** Spark accepts only {@code spark.*} keys from {@code --conf}; read on the driver. */
  public static final String SPARK_CONF_KEY = "spark.msetl.rdkit.library";

  private static volatile Path loadedFrom;

  private RdkitNative() {}

  /** Loads RDKit from the property, the environment or the bundled copy; no-op once loaded. */
  public static void load() {
    load(null);
  }

  /**
   * Loads RDKit, preferring {@code explicitLibrary} when it is not blank. Thread-safe; the first
   * successful load in a JVM wins and later calls return at once.
   *
   * @throws RdkitUnavailableException naming the cause when the library cannot be loaded
   */
  public static void load(String explicitLibrary) {
    if (loadedFrom != null) {
      return;
    }
    synchronized (RdkitNative.class) {
      if (loadedFrom != null) {
        return;
      }
      checkClassLoader();
      Optional<Path> override =
          firstNonBlank(
                  explicitLibrary, System.getProperty(LIBRARY_PROPERTY), System.getenv(LIBRARY_ENV))
              .map(Paths::get);
      if (override.isPresent()) {
        Path library = override.get().toAbsolutePath();
        loadChecked(library);
        loadedFrom = library;
      } else {
        loadedFrom = loadBundled();
      }
    }
  }

  /** The file the library was loaded from, empty before {@link #load()}. */
  public static Optional<Path> loadedFrom() {
    return Optional.ofNullable(loadedFrom);
  }

  /** RDKit's version string, e.g. {@code 2020.09.1}; loads the library first if needed. */
  public static String version() {
    load();
    return RDKFuncs.getRdkitVersion();
  }

  private static void checkClassLoader() {
    ClassLoader ours = RdkitNative.class.getClassLoader();
    ClassLoader rdkit = RDKFuncs.class.getClassLoader();
    if (ours != rdkit) {
      throw new RdkitUnavailableException(
          "RDKit's Java classes (org.RDKit, from "
              + RDKFuncs.class.getProtectionDomain().getCodeSource()
              + ") and msetl are in different "
              + "classloaders, so the native library would bind to the wrong one; ship "
              + "rdkit-jupyter together with the msetl jar (both via --jars, or shaded into one jar) "
              + "instead of putting one of them on the system classpath.");
    }
  }

  private static void loadChecked(Path library) {
    NativeLibraryFile.check(library);
    try {
      System.load(library.toString());
    } catch (UnsatisfiedLinkError e) {
      throw new RdkitUnavailableException(LoadFailureExplainer.explain(library, e.getMessage()), e);
    }
    try {
      RDKFuncs.getRdkitVersion();
    } catch (UnsatisfiedLinkError e) {
      throw new RdkitUnavailableException(
          "RDKit native library "
              + library
              + " loaded, but it "
              + "does not provide the functions of the org.RDKit classes on the classpath (a "
              + "different RDKit build than the jar's, or a different classloader).",
          e);
    }
  }

  private static Path loadBundled() {
    String resource = bundledResourceName();
    byte[] bytes;
    try (InputStream in = RDKFuncs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new RdkitUnavailableException(
            "RDKit native library "
                + resource
                + " is not in the rdkit-jupyter jar for this platform ("
                + System.getProperty("os.name")
                + "); point "
                + LIBRARY_PROPERTY
                + " or "
                + LIBRARY_ENV
                + " at an RDKit build for it.");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new RdkitUnavailableException("cannot read the bundled RDKit library " + resource, e);
    }
    String digest = Sha256.hex(bytes);
    String fileName = resource.substring(resource.lastIndexOf('/') + 1);
    Path privateDir = privateCacheDir();
    if (privateDir != null) {
      Path dir = privateDir.resolve(digest.substring(0, 16));
      Path library = dir.resolve(fileName);
      try {
        ensureIntactCopy(dir, library, bytes, digest);
      } catch (IOException e) {
        throw new RdkitUnavailableException(
            "cannot extract the RDKit library to " + library + ": " + e.getMessage(), e);
      }
      loadChecked(library);
      return library;
    }
    return loadFromThrowAwayCopy(fileName, bytes);
  }

  private static Path loadFromThrowAwayCopy(String fileName, byte[] bytes) {
    Path dir = null;
    Path library = null;
    try {
      dir = Files.createTempDirectory("msetl-rdkit-");
      library = dir.resolve(fileName);
      Files.write(library, bytes);
      loadChecked(library);
      return library;
    } catch (IOException e) {
      throw new RdkitUnavailableException("cannot extract the RDKit library: " + e.getMessage(), e);
    } finally {
      // On Linux a loaded library stays mapped after unlinking; nothing is left behind.
      deleteIfPresent(library);
      deleteIfPresent(dir);
    }
  }

  private static void ensureIntactCopy(Path dir, Path library, byte[] bytes, String digest)
      throws IOException {
    if (Files.isRegularFile(library, LinkOption.NOFOLLOW_LINKS)
        && digest.equals(Sha256.hex(Files.readAllBytes(library)))) {
      return;
    }
    Files.createDirectories(dir);
    // Written under a unique name, then renamed: concurrent JVMs never see a half-written file.
    Path partial = Files.createTempFile(dir, "partial-", ".tmp");
    try {
      Files.write(partial, bytes);
      Files.move(
          partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      deleteIfPresent(partial);
    }
  }

  /** The per-user cache directory, or null when it is not safely ours. */
  private static Path privateCacheDir() {
    String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
    Path dir = Paths.get(System.getProperty("java.io.tmpdir"), "msetl-rdkit-" + user);
    try {
      if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        try {
          if (NativeLibraryFile.isLinux()) {
            Files.createDirectory(
                dir,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
          } else {
            Files.createDirectory(dir);
          }
        } catch (java.nio.file.FileAlreadyExistsException raced) {
          // another JVM created it first; validated below
        }
      }
      boolean safe =
          Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
              && Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS)
                  .getName()
                  .equals(System.getProperty("user.name"));
      return safe ? dir : null;
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }

  private static String bundledResourceName() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      return "/resources/lib/GraphMolWrap.dll";
    }
    if (os.contains("mac")) {
      return "/resources/lib/libGraphMolWrap.jnilib";
    }
    return "/resources/lib/libGraphMolWrap.so";
  }

  private static Optional<String> firstNonBlank(String... candidates) {
    for (String c : candidates) {
      if (c != null && !c.isBlank()) {
        return Optional.of(c.trim());
      }
    }
    return Optional.empty();
  }

  private static void deleteIfPresent(Path p) {
    if (p == null) {
      return;
    }
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove temporary file " + p, e);
    }
  }
}
