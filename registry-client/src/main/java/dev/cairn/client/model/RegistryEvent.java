package dev.cairn.client.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of {@code …/events}: its sequence number, type ({@code alias.updated}, …, or {@code
 * reset} when the resume point was older than retention) and data.
 */
public record RegistryEvent(long id, String type, JsonNode data) {}
