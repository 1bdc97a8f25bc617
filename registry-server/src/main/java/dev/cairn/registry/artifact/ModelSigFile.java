package dev.cairn.registry.artifact;

import dev.cairn.registry.domain.ApiException;
import dev.cairn.signing.SignatureBundle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A version's {@code model.sig} among its files (issue 28): at the root of an upload or an {@code
 * artifacts_dir} it is the detached OMS signature, not a file of the version. It is taken out of
 * the files and read (at most 4 MiB) to be verified and attached.
 */
final class ModelSigFile {

  static final String NAME = "model.sig";

  private ModelSigFile() {}

  static boolean is(String path) {
    return NAME.equals(path);
  }

  /** {@code local} without the signature file. */
  static Map<String, Path> without(Map<String, Path> local) {
    if (!local.containsKey(NAME)) {
      return local;
    }
    Map<String, Path> files = new LinkedHashMap<>(local);
    files.remove(NAME);
    return files;
  }

  /** The bytes of the signature file among {@code local}, opened by {@code opener}. */
  static Optional<byte[]> read(Map<String, Path> local, LocalFilePublisher.Opener opener) {
    Path file = local.get(NAME);
    if (file == null) {
      return Optional.empty();
    }
    try (InputStream in = opener.open(file, NAME)) {
      return Optional.of(read(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** At most {@link SignatureBundle#DEFAULT_LIMIT} bytes of {@code in}: 413 beyond. */
  static byte[] read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(SignatureBundle.DEFAULT_LIMIT + 1);
    if (bytes.length > SignatureBundle.DEFAULT_LIMIT) {
      throw new ApiException(
          413,
          "PAYLOAD_TOO_LARGE",
          NAME + " is limited to " + SignatureBundle.DEFAULT_LIMIT + " bytes");
    }
    return bytes;
  }
}
