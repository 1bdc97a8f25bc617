package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Body of {@code POST /api/v1/projects/{p}/webhooks}; {@code format} defaults to standard. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookCreate(
    String url, List<String> events, String status, String description, String format) {

  public static WebhookCreate of(String url, List<String> events) {
    return new WebhookCreate(url, events, null, null, null);
  }
}
