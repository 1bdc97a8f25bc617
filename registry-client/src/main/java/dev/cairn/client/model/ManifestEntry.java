package dev.cairn.client.model;

/** One file of a version's manifest, with the URL its bytes are served at. */
public record ManifestEntry(String path, String sha256, long sizeBytes, String downloadUrl) {}
