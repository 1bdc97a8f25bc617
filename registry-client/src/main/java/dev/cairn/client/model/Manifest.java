package dev.cairn.client.model;

import java.util.List;

/** {@code GET …/manifest}: the version digest (null while PENDING) and its stored files. */
public record Manifest(String digest, List<ManifestEntry> files) {}
