package dev.cairn.registry.version;

/** What a version declaration is held to beyond its shape: known formats, bounded documents. */
public record VersionRules(Formats formats, long maxDocumentBytes) {}
