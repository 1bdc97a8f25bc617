package dev.cairn.registry.alias;

import dev.cairn.client.model.Alias;
import java.util.UUID;

/** An alias row: its id and its API view. */
public record StoredAlias(UUID id, Alias view) {}
