package dev.cairn.registry.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Says when {@code TMPDIR} names another directory than the JVM's temporary one. HotSpot ignores
 * {@code TMPDIR} and fixes {@code java.io.tmpdir} when it starts, and the libraries the registry
 * runs (the embedded PostgreSQL's unpacking among them) write there; where only {@code TMPDIR} is
 * writable, as on a read-only root filesystem, they would fail later with a less telling error.
 */
public final class TmpdirCheck {

  private TmpdirCheck() {}

  /** The warning to log, if {@code TMPDIR} is set and is not {@code javaIoTmpdir}. */
  public static Optional<String> warning(Map<String, String> env, String javaIoTmpdir) {
    String tmpdir = env.getOrDefault("TMPDIR", "").strip();
    if (tmpdir.isEmpty() || same(tmpdir, javaIoTmpdir)) {
      return Optional.empty();
    }
    return Optional.of(
        "TMPDIR is "
            + tmpdir
            + " but the JVM's temporary directory is "
            + javaIoTmpdir
            + " (Java ignores TMPDIR): start java with -Djava.io.tmpdir="
            + tmpdir
            + " (./run-registry and the chart do)");
  }

  private static boolean same(String tmpdir, String javaIoTmpdir) {
    return Path.of(tmpdir)
        .toAbsolutePath()
        .normalize()
        .equals(Path.of(javaIoTmpdir).toAbsolutePath().normalize());
  }
}
