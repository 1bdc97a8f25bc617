package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Body of {@code POST …/aliases/{a}/rollback}; without {@code variants} all roll back. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AliasRollback(List<String> variants, String reason, String managedBy) {}
