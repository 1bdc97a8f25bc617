package dev.cairn.registry.version;

import java.util.Map;
import java.util.Optional;

/**
 * Filters of a version listing; {@code alias} keeps the versions that alias points at (seed 001's
 * "filter by active").
 */
public record VersionFilter(
    Optional<String> variant,
    Optional<String> state,
    Map<String, String> labels,
    Optional<String> alias) {}
