package dev.cairn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A benchmark's figures in the order they were measured: printed one per line, and as JSON. */
final class Results {

  private static final PrintStream CONSOLE =
      new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

  private final Map<String, Object> figures = new LinkedHashMap<>();

  /** Every figure of {@code other}, its name prefixed. */
  Results putAll(String prefix, Results other) {
    other.figures.forEach((name, value) -> figures.put(prefix + name, value));
    return this;
  }

  Results put(String name, Object value) {
    figures.put(name, value instanceof Double d ? Math.round(d * 1000) / 1000.0 : value);
    return this;
  }

  void print(String benchmark) {
    figures.forEach((name, value) -> CONSOLE.println(benchmark + " " + name + " = " + value));
  }

  void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(file.toFile(), figures);
  }
}
