package dev.cairn.registry.testing;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Publishes versions the way a pipeline does: declare, upload, complete. */
public final class Versions {

  private Versions() {}

  /** A READY version of {@code variant} whose one file holds {@code content}. */
  public static Version ready(
      CairnClient client, String project, String model, String variant, String content) {
    return ready(client, project, model, variant, content, "generic");
  }

  /** A READY version of {@code format} (an opaque one: nothing is loaded). */
  public static Version ready(
      CairnClient client,
      String project,
      String model,
      String variant,
      String content,
      String format) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    String sha = sha256(bytes);
    Version v =
        client
            .versions()
            .create(
                project,
                model,
                VersionCreate.ofFormat(format)
                    .forVariant(variant)
                    .withFiles(
                        List.of(new FileDeclaration("model.bin", sha, (long) bytes.length, null))));
    try {
      Path file = Files.createTempFile("version", ".bin");
      Files.write(file, bytes);
      client.versions().upload(project, model, v.version(), "model.bin", file, sha);
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return client.versions().complete(project, model, v.version());
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
