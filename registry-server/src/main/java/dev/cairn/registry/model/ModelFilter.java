package dev.cairn.registry.model;

import java.util.Map;
import java.util.Optional;

/** Filters of a model listing: state, labels that must all match, and a name prefix. */
public record ModelFilter(
    Optional<String> state, Map<String, String> labels, Optional<String> namePrefix) {}
