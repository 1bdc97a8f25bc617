package dev.cairn.registry.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.logging.Logger;

/**
 * A file read again when its modification time or size changes (checked at most four times a
 * second), for credentials that rotate without a restart: the tokens file and a JWKS file. A
 * mounted Secret changes by a symbolic-link swap, which the time of the target shows. A broken edit
 * keeps the last good value and is logged, so a typo does not lock everyone out.
 */
final class WatchedFile<T> {

  /** Reads the file's content into a value; throws for content it cannot use. */
  @FunctionalInterface
  interface Reader<T> {
    T read(Path file) throws IOException, IllegalArgumentException;
  }

  private static final Logger LOG = Logger.getLogger(WatchedFile.class.getName());
  private static final long RECHECK_NANOS = 250_000_000L;

  private record Snapshot<T>(T value, FileTime modified, long size) {}

  private final Path file;
  private final String what;
  private final Reader<T> reader;
  private volatile Snapshot<T> snapshot;
  private volatile long lastCheck;

  private WatchedFile(Path file, String what, Reader<T> reader, Snapshot<T> first) {
    this.file = file;
    this.what = what;
    this.reader = reader;
    this.snapshot = first;
    this.lastCheck = System.nanoTime();
  }

  /** Reads the file now; its failure is the caller's (a start that cannot use it stops). */
  static <T> WatchedFile<T> load(Path file, String what, Reader<T> reader) throws IOException {
    return new WatchedFile<>(file, what, reader, read(file, reader));
  }

  /** The value of the file as it is now, or the last good one. */
  T current() {
    long now = System.nanoTime();
    if (now - lastCheck >= RECHECK_NANOS) {
      lastCheck = now;
      refreshIfChanged();
    }
    return snapshot.value();
  }

  private void refreshIfChanged() {
    try {
      if (!Files.getLastModifiedTime(file).equals(snapshot.modified())
          || Files.size(file) != snapshot.size()) {
        snapshot = read(file, reader);
        LOG.info(() -> what + " " + file + " re-read");
      }
    } catch (IOException | IllegalArgumentException e) {
      LOG.warning(what + " " + file + " unreadable, keeping the last good one: " + e.getMessage());
    }
  }

  private static <T> Snapshot<T> read(Path file, Reader<T> reader) throws IOException {
    FileTime modified = Files.getLastModifiedTime(file);
    long size = Files.size(file);
    return new Snapshot<>(reader.read(file), modified, size);
  }
}
