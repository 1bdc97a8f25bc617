package dev.cairn.cli;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code version pull}: every file of a version written under a directory, hashed while it is
 * written; a file whose bytes are not its pin is deleted again and the pull exits 3. A file that
 * runs past its pinned size is cut off there, so a lying registry cannot fill the disk.
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
      try {
        Files.createDirectories(target.getParent());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long written;
        try (OutputStream out =
            new PinnedSize(new DigestOutputStream(Files.newOutputStream(target), sha), file)) {
          written = client.versions().download(project, model, version.version(), file.path(), out);
        } catch (RuntimeException e) {
          Files.deleteIfExists(target); // nothing unverified is left behind
          throw e;
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (!actual.equals(file.sha256()) || written != file.sizeBytes()) {
          Files.deleteIfExists(target);
          throw new ExitCodes.Failure(
              ExitCodes.INTEGRITY,
              "'"
                  + file.path()
                  + "' arrived as sha256:"
                  + actual
                  + " ("
                  + written
                  + " bytes), pinned sha256:"
                  + file.sha256());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Fails the pull as soon as more bytes arrive than the file's pinned size. */
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
      written += n;
      if (file.sizeBytes() != null && written > file.sizeBytes()) {
        throw new ExitCodes.Failure(
            ExitCodes.INTEGRITY,
            "'" + file.path() + "' runs past its pinned " + file.sizeBytes() + " bytes");
      }
    }
  }
}
