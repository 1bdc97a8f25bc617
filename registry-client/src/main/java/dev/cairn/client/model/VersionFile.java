package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One file of a version. {@code source} is {@code upload} or {@code reference}; {@code present}
 * tells whether its verified bytes have arrived and, for a stored file, whether the blob store
 * still holds them (a single version and a resolve look; lists show what the upload recorded).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionFile(
    String path, String sha256, Long sizeBytes, String source, String uri, Boolean present) {}
