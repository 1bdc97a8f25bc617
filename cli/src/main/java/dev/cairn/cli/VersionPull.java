package dev.cairn.cli;

import dev.cairn.client.CairnClient;
import dev.cairn.client.ErrorText;
import dev.cairn.client.model.Failure;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code version pull}: every file of a version written under a directory as {@code <file>.part},
 * hashed while it is written, and renamed to its name only once its bytes are its pin; a part that
 * fails is deleted and the pull exits 3 (6 when the connection broke). A file that runs past its
 * pinned size is cut off there, so a lying registry cannot fill the disk.
 */
final class VersionPull {

  private final CairnClient client;
  private final String project;
  private final String model;

  VersionPull(CairnClient client, String project, String model) {
    this.client = client;
    this.project = project;
    this.model = model;
  }

  void pull(Version version, Path directory) {
    for (VersionFile file : version.files()) {
      Path target = directory.resolve(file.path()).normalize();
      if (!target.startsWith(directory.normalize())) {
        throw new ExitCodes.Failure(
            ExitCodes.INTEGRITY, "'" + file.path() + "' leaves the directory");
      }
      Path part = target.resolveSibling(target.getFileName() + ".part");
      try {
        Files.createDirectories(target.getParent());
        try {
          write(version, file, part);
        } catch (RuntimeException e) {
          Files.deleteIfExists(part); // nothing unverified is left behind
          throw e;
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Downloads {@code file} into {@code part}; returns only when its bytes are its pin. */
  private void write(Version version, VersionFile file, Path part) throws IOException {
    MessageDigest sha = sha256();
    PinnedSize counted =
        new PinnedSize(new DigestOutputStream(Files.newOutputStream(part), sha), file);
    try (OutputStream out = counted) {
      client.versions().download(project, model, version.version(), file.path(), out);
    } catch (UncheckedIOException e) {
      throw cutOff(version, file, counted.written, e);
    }
    String actual = HexFormat.of().formatHex(sha.digest());
    if (!actual.equals(file.sha256()) || counted.written != file.sizeBytes()) {
      throw new ExitCodes.Failure(
          ExitCodes.INTEGRITY,
          file.path()
              + ": sha256 mismatch (expected "
              + file.sha256()
              + ", got "
              + actual
              + ", "
              + counted.written
              + " of "
              + file.sizeBytes()
              + " bytes)");
    }
  }

  /**
   * The body ended before its size: the registry cuts a download whose stored bytes no longer match
   * their digest (and fails the version), else the connection broke.
   */
  private ExitCodes.Failure cutOff(
      Version version, VersionFile file, long written, UncheckedIOException e) {
    String stopped = "the download stopped after " + written + " of " + file.sizeBytes() + " bytes";
    Failure failure = client.versions().get(project, model, version.version()).failure();
    if (failure != null && "CHECKSUM_MISMATCH".equals(failure.code())) {
      return new ExitCodes.Failure(
          ExitCodes.INTEGRITY,
          file.path()
              + ": sha256 mismatch (expected "
              + file.sha256()
              + "): the registry's stored bytes changed, "
              + stopped
              + " and "
              + model
              + ":"
              + version.version()
              + " is now FAILED (CHECKSUM_MISMATCH)");
    }
    return new ExitCodes.Failure(
        ExitCodes.UNREACHABLE,
        file.path()
            + ": "
            + stopped
            + ": "
            + ErrorText.of(e.getCause() == null ? e : e.getCause()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Counts the bytes written and fails as soon as more arrive than the file's pinned size. */
  private static final class PinnedSize extends FilterOutputStream {
    private final VersionFile file;
    private long written;

    PinnedSize(OutputStream out, VersionFile file) {
      super(out);
      this.file = file;
    }

    @Override
    public void write(int b) throws IOException {
      count(1);
      out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      count(length);
      out.write(bytes, offset, length);
    }

    private void count(int n) {
      if (file.sizeBytes() != null && written + n > file.sizeBytes()) {
        throw new ExitCodes.Failure(
            ExitCodes.INTEGRITY,
            "'" + file.path() + "' runs past its pinned " + file.sizeBytes() + " bytes");
      }
      written += n;
    }
  }
}
