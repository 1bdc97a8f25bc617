package dev.cairn.registry.version;

import dev.cairn.client.model.Version;
import java.util.UUID;

/** A version row: its database id and the API view. */
public record StoredVersion(UUID id, Version view) {}
