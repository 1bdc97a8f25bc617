package dev.cairn.client.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A registered model: a named series of versions, one or more variants, and its aliases. */
public record Model(
    String id,
    String name,
    String project,
    String description,
    String task,
    Map<String, String> labels,
    List<String> variants,
    String defaultVariant,
    List<String> protectedAliases,
    String state,
    Instant createdAt,
    String createdBy,
    Instant updatedAt) {}
