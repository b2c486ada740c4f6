package io.msetl.tables.lock;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The four file operations the lock needs, with create-if-absent atomic on every file system: HDFS
 * and object-store connectors create with {@code overwrite=false} atomically, but Hadoop's local
 * file system checks and then creates (two processes can both "win"), so local paths use {@code
 * O_CREAT|O_EXCL} through java.nio instead.
 */
interface LockFiles {

  /** Contents and modification time (the heartbeat) of an existing file. */
  record Snapshot(byte[] bytes, long modifiedMillis) {}

  /** Creates {@code p} with {@code bytes} unless it exists; false when it exists. */
  boolean createNew(Path p, byte[] bytes) throws IOException;

  Optional<Snapshot> read(Path p) throws IOException;

  /** Sets the modification time to now. */
  void touch(Path p) throws IOException;

  void delete(Path p) throws IOException;

  static LockFiles forPath(Path p, Configuration conf) throws IOException {
    FileSystem fs = p.getFileSystem(conf);
    if (fs instanceof LocalFileSystem local) {
      fs = local.getRaw();
    }
    return fs instanceof RawLocalFileSystem raw ? new Local(raw) : new Hadoop(fs);
  }

  /** Local disk: java.nio, so create-if-absent is one exclusive open. */
  final class Local implements LockFiles {
    private final RawLocalFileSystem fs;

    Local(RawLocalFileSystem fs) {
      this.fs = fs;
    }

    private java.nio.file.Path file(Path p) {
      return fs.pathToFile(p).toPath();
    }

    @Override
    public boolean createNew(Path p, byte[] bytes) throws IOException {
      try {
        Files.write(file(p), bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }

    @Override
    public Optional<Snapshot> read(Path p) throws IOException {
      try {
        long mtime = Files.getLastModifiedTime(file(p)).toMillis();
        return Optional.of(new Snapshot(Files.readAllBytes(file(p)), mtime));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
    }

    @Override
    public void touch(Path p) throws IOException {
      Files.setLastModifiedTime(file(p), FileTime.fromMillis(System.currentTimeMillis()));
    }

    @Override
    public void delete(Path p) throws IOException {
      Files.deleteIfExists(file(p));
    }
  }

  /** HDFS and other Hadoop file systems: {@code create(path, false)} is atomic there. */
  final class Hadoop implements LockFiles {
    private final FileSystem fs;

    Hadoop(FileSystem fs) {
      this.fs = fs;
    }

    @Override
    public boolean createNew(Path p, byte[] bytes) throws IOException {
      OutputStream out;
      try {
        out = fs.create(p, false);
      } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
        return false;
      } catch (IOException e) {
        if (fs.exists(p)) {
          return false;
        }
        throw e;
      }
      try (out) {
        out.write(bytes);
      }
      return true;
    }

    @Override
    public Optional<Snapshot> read(Path p) throws IOException {
      try {
        FileStatus st = fs.getFileStatus(p);
        try (InputStream in = fs.open(p)) {
          return Optional.of(new Snapshot(in.readAllBytes(), st.getModificationTime()));
        }
      } catch (java.io.FileNotFoundException e) {
        return Optional.empty();
      }
    }

    @Override
    public void touch(Path p) throws IOException {
      fs.setTimes(p, System.currentTimeMillis(), -1);
    }

    @Override
    public void delete(Path p) throws IOException {
      fs.delete(p, false);
    }
  }
}
