package dev.cairn.registry.audit;

import java.time.Instant;
import java.util.Optional;

/** Which audit entries of a project a listing or export wants. */
public record AuditFilter(
    String project,
    Optional<String> model,
    Optional<String> action,
    Optional<String> actor,
    Optional<Instant> since,
    Optional<Instant> until) {}
