package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.client.ErrorText;
import dev.cairn.client.signing.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

/**
 * The file of {@code --signing-key-file}: {@code key_id: …} and {@code secret: …}. Like ssh with a
 * private key, it refuses a file that other users may read.
 */
final class KeyFile {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private KeyFile() {}

  static SigningKey read(Path file) {
    try {
      if (Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ)) {
        throw new ExitCodes.Failure(
            ExitCodes.USAGE, "signing key file " + file + " is readable by others (chmod 600)");
      }
      JsonNode key = YAML.readTree(file.toFile());
      if (key == null || !key.hasNonNull("key_id") || !key.hasNonNull("secret")) {
        throw new ExitCodes.Failure(
            ExitCodes.USAGE, "signing key file " + file + " needs key_id and secret");
      }
      return new SigningKey(key.get("key_id").asText(), key.get("secret").asText());
    } catch (IOException e) {
      throw new ExitCodes.Failure(ExitCodes.USAGE, "signing key file " + file + " unreadable");
    } catch (IllegalArgumentException e) {
      throw new ExitCodes.Failure(ExitCodes.USAGE, ErrorText.of(e));
    }
  }
}
