package dev.cairn.registry.project;

import dev.cairn.client.model.Project;
import java.util.UUID;

/** A project row: its database id and its API view. */
public record StoredProject(UUID id, Project view) {}
