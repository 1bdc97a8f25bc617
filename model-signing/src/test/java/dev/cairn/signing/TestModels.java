package dev.cairn.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** Small model directories written under target/, one fresh folder per call. */
final class TestModels {
  private TestModels() {}

  /** {@code config.json}, {@code weights/model.onnx} and {@code README.md} with fixed bytes. */
  static Path write() throws IOException {
    Path root = Path.of("target", "oms-models", UUID.randomUUID().toString());
    write(root.resolve("config.json"), "{\"inputs\":[\"x\"]}");
    write(root.resolve("weights/model.onnx"), "onnx weights, pretend: 0123456789");
    write(root.resolve("README.md"), "# a model\n");
    return root;
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  static Map<String, String> digests(Path root) throws IOException {
    return ModelFiles.sha256(root);
  }
}
