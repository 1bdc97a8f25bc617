package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A file a new version promises: its path, pinned sha256 and size, and for a reference the URI the
 * server fetches it from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileDeclaration(String path, String sha256, Long sizeBytes, String uri) {}
