package dev.cairn.client.model;

/** One file's outcome of {@code verify}: {@code OK}, {@code MISMATCH} or {@code MISSING}. */
public record FileCheck(String path, String sha256, String actual, String status) {}
