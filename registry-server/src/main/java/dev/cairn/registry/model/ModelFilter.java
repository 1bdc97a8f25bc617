package dev.cairn.registry.model;

import java.util.Map;
import java.util.Optional;

/**
 * Filters of a model listing: state, labels that must all match, a name prefix ({@code q}) and an
 * exact name ({@code name}, for clients that look a model up by name and want a page either way).
 */
public record ModelFilter(
    Optional<String> state,
    Map<String, String> labels,
    Optional<String> namePrefix,
    Optional<String> name) {}
