package dev.cairn.client.model;

import java.time.Instant;

/** What a serving instance has loaded for one variant. */
public record LoadedVersion(String version, String digest, Instant loadedAt) {}
