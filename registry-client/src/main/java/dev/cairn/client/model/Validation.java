package dev.cairn.client.model;

import java.util.Map;

/**
 * Validation results of a version: checksum, runtime load and format-specific phases (the words are
 * the server's {@code CheckOutcome}s or a failing code).
 */
public record Validation(String checksum, String load, Map<String, String> phases) {}
