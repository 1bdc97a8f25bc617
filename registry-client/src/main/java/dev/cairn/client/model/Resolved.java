package dev.cairn.client.model;

/**
 * {@code GET …/resolve}: what a reference names right now — the alias and its generation (null for
 * {@code model:version}), the variant, the version and its manifest with download URLs.
 */
public record Resolved(
    String ref,
    String model,
    String alias,
    Long generation,
    String variant,
    Version version,
    Manifest manifest) {}
