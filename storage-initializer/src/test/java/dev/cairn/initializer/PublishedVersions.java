package dev.cairn.initializer;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** READY versions of several files, published through the client as any user would. */
final class PublishedVersions {

  private PublishedVersions() {}

  static Version ready(
      CairnClient client, String project, String model, String variant, Map<String, byte[]> files)
      throws Exception {
    List<FileDeclaration> declared = new ArrayList<>();
    files.forEach(
        (path, bytes) ->
            declared.add(new FileDeclaration(path, sha256(bytes), (long) bytes.length, null)));
    Version v =
        client
            .versions()
            .create(
                project,
                model,
                VersionCreate.ofFormat("generic").forVariant(variant).withFiles(declared));
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      // Under target/, as every test writes: not the machine's temporary directory.
      Path local =
          Files.createTempFile(
              Files.createDirectories(Path.of("target", "initializer-it")), "upload", ".bin");
      try {
        Files.write(local, file.getValue());
        client
            .versions()
            .upload(project, model, v.version(), file.getKey(), local, sha256(file.getValue()));
      } finally {
        Files.delete(local);
      }
    }
    return client.versions().complete(project, model, v.version());
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
