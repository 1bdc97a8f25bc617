package dev.cairn.bench;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/** Declares, uploads and completes versions, as a pipeline would. */
final class Publishing {

  private Publishing() {}

  static Version small(CairnClient client, String project, String model, String content)
      throws Exception {
    Path file = Files.createTempFile("bench", ".bin");
    Files.writeString(file, content);
    try {
      return file(client, project, model, file, content.getBytes(StandardCharsets.UTF_8).length);
    } finally {
      Files.delete(file);
    }
  }

  static Version file(CairnClient client, String project, String model, Path file, long size)
      throws Exception {
    String sha = sha256(file);
    Version v =
        client
            .versions()
            .create(
                project,
                model,
                VersionCreate.ofFormat("generic")
                    .withFiles(List.of(new FileDeclaration("model.bin", sha, size, null))));
    client.versions().upload(project, model, v.version(), "model.bin", file, sha);
    return client.versions().complete(project, model, v.version());
  }

  static String sha256(Path file) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        sha.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** A file of {@code size} bytes of pseudo-random content, written in 1 MiB blocks. */
  static Path largeFile(long size) throws IOException {
    Path file = Files.createTempFile("bench-large", ".bin");
    byte[] block = new byte[1 << 20];
    new Random(42).nextBytes(block);
    try (var out = Files.newOutputStream(file)) {
      for (long written = 0; written < size; written += block.length) {
        block[0]++;
        out.write(block, 0, (int) Math.min(block.length, size - written));
      }
    }
    return file;
  }
}
