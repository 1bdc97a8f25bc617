package dev.cairn.client.model;

import java.time.Instant;

/** A project: the unit of isolation, mapped to a Kubernetes namespace. */
public record Project(
    String name,
    String description,
    Policies policies,
    Instant createdAt,
    String createdBy,
    Instant updatedAt) {}
