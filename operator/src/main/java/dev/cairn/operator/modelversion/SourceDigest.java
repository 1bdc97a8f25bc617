package dev.cairn.operator.modelversion;

/** What fetching a source produced: the SHA-256 (lower-case hex) and size of its bytes. */
public record SourceDigest(String sha256, long sizeBytes) {}
