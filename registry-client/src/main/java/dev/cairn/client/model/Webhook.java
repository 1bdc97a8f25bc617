package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A webhook endpoint of a project (issue 30): where events go, which ({@code events}, with
 * wildcards such as {@code model_version_alias.*}), in which {@code format} ({@code standard} or
 * {@code mlflow}). {@code secret} is present only in the answer that created or rotated it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Webhook(
    String id,
    String project,
    String url,
    List<String> events,
    String status,
    String description,
    String format,
    String disabledReason,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String secret) {

  public static final String ACTIVE = "ACTIVE";
  public static final String DISABLED = "DISABLED";
}
