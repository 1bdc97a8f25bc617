package dev.cairn.cli;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.signing.ModelFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 of every file a signature covers, computed here, in one streaming pass: from a local
 * directory ({@code --dir}), or from the version's bytes as the registry serves them (hashed as
 * they arrive and thrown away, so a 1 GB model needs no disk). Never the registry's pins: a
 * signature checked against what the registry claims would prove nothing about the bytes.
 */
final class VersionDigests {

  private VersionDigests() {}

  /** Every regular file under {@code dir} (model.sig included: the signer and verifier skip it). */
  static Map<String, String> local(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ExitCodes.Failure(ExitCodes.USAGE, "--dir " + dir + " is not a directory");
    }
    try {
      return ModelFiles.sha256(dir);
    } catch (IOException e) {
      throw new ExitCodes.Failure(ExitCodes.USAGE, "cannot hash " + dir + ": " + e.getMessage());
    }
  }

  /**
   * Downloads every file of {@code version}, hashing it; a body longer than the file's declared
   * size is cut off there (a lying registry cannot make the client hash forever).
   */
  static Map<String, String> downloaded(
      CairnClient client, String project, String model, Version version) {
    Map<String, String> digests = new TreeMap<>();
    for (VersionFile file : version.files()) {
      MessageDigest sha = sha256();
      long limit = file.sizeBytes() == null ? Long.MAX_VALUE : file.sizeBytes();
      try (OutputStream out =
          new DigestOutputStream(new Capped(OutputStream.nullOutputStream(), limit), sha)) {
        client.versions().download(project, model, version.version(), file.path(), out);
      } catch (IOException e) {
        throw new ExitCodes.Failure(ExitCodes.INTEGRITY, file.path() + ": " + e.getMessage());
      } catch (UncheckedIOException e) {
        if (e.getCause() instanceof TooLong tooLong) {
          throw new ExitCodes.Failure(
              ExitCodes.INTEGRITY, file.path() + ": " + tooLong.getMessage());
        }
        throw e;
      }
      digests.put(file.path(), HexFormat.of().formatHex(sha.digest()));
    }
    return digests;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class TooLong extends IOException {
    TooLong(long limit) {
      super("the registry sent more than the declared " + limit + " bytes");
    }
  }

  /** Fails as soon as more than {@code limit} bytes are written. */
  private static final class Capped extends OutputStream {
    private final OutputStream out;
    private final long limit;
    private long written;

    Capped(OutputStream out, long limit) {
      this.out = out;
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      written += length;
      if (written > limit) {
        throw new TooLong(limit);
      }
      out.write(bytes, offset, length);
    }
  }
}
