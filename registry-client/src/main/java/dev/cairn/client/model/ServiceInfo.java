package dev.cairn.client.model;

/** What {@code GET /} says about the running registry. */
public record ServiceInfo(
    String service,
    String version,
    String environment,
    String database,
    String blobStore,
    boolean auth) {}
