package dev.cairn.registry.version;

import java.util.Map;
import java.util.Optional;

/** Filters of a version listing. */
public record VersionFilter(
    Optional<String> variant, Optional<String> state, Map<String, String> labels) {}
