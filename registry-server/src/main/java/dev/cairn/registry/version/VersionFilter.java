package dev.cairn.registry.version;

import java.util.Map;
import java.util.Optional;

/**
 * Filters of a version listing; {@code alias} keeps the versions that alias points at (seed 001's
 * "filter by active"), {@code namePrefix} and {@code name} match the version name by prefix ({@code
 * q}) or exactly, and {@code model} narrows a project-wide listing to one model.
 */
public record VersionFilter(
    Optional<String> model,
    Optional<String> variant,
    Optional<String> state,
    Map<String, String> labels,
    Optional<String> alias,
    Optional<String> namePrefix,
    Optional<String> name) {}
