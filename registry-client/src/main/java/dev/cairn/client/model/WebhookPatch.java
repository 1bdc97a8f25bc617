package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Body of {@code PATCH …/webhooks/{id}}; absent members are left unchanged. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookPatch(
    String url, List<String> events, String status, String description, String format) {}
