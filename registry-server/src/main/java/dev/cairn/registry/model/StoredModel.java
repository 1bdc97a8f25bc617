package dev.cairn.registry.model;

import dev.cairn.client.model.Model;
import java.util.UUID;

/** A model row: database ids and the API view. */
public record StoredModel(UUID id, UUID projectId, Model view) {}
