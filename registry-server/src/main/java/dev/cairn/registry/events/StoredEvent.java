package dev.cairn.registry.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One row of the event table. */
public record StoredEvent(
    long seq, Instant at, String project, String model, String type, JsonNode data) {}
