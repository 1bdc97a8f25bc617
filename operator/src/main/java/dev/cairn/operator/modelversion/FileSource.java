package dev.cairn.operator.modelversion;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** One file of a ModelVersion: where its bytes are and the digest they must have. */
public record FileSource(
    @Required
        @JsonPropertyDescription(
            "Path of the file inside the version, relative, '/'-separated, for example signature.json.")
        String path,
    @Required
        @JsonPropertyDescription(
            "Where the bytes are: s3://bucket/key, https://…, http://… or file:///mounted/path.")
        String uri,
    @Required
        @Pattern("^[0-9a-f]{64}$")
        @JsonPropertyDescription(
            "SHA-256 of the bytes, 64 lower-case hex digits; fetched bytes must match it.")
        String sha256) {}
