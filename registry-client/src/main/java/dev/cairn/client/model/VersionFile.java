package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One file of a version. {@code source} is {@code upload} or {@code reference}; {@code present}
 * tells whether its verified bytes have arrived yet.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionFile(
    String path, String sha256, Long sizeBytes, String source, String uri, Boolean present) {}
