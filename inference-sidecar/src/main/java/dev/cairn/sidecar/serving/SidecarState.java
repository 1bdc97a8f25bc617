package dev.cairn.sidecar.serving;

import java.time.Instant;

/**
 * What the sidecar reports: {@code LOADING} until a set is served, {@code READY} while the served
 * set is what the registry names, {@code DEGRADED} while the registry is unreachable or the newest
 * generation failed to load (the old set keeps serving). {@code lastError} is the latest failure
 * code, cleared by the next successful swap.
 */
public record SidecarState(String state, String lastError, Instant lastErrorAt) {}
