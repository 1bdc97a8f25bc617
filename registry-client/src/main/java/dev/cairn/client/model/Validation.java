package dev.cairn.client.model;

import java.util.Map;

/** Validation results of a version: checksum, runtime load and format-specific phases. */
public record Validation(String checksum, String load, Map<String, String> phases) {

  public static Validation notRun() {
    return new Validation("NOT_RUN", "NOT_RUN", Map.of());
  }
}
