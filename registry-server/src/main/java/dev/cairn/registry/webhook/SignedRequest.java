package dev.cairn.registry.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The body and headers of one attempt, in the endpoint's format (issue 30 item 3). Standard
 * Webhooks: {@code webhook-id} (the delivery's, stable across retries), {@code webhook-timestamp}
 * (of this attempt), {@code webhook-signature: v1,<base64 HMAC-SHA256("id.timestamp.body")>} — a
 * second {@code v1,…} signed with the previous secret during a rotation's grace period — over
 * {@code {type, timestamp, data}}. MLflow: {@code X-MLflow-Delivery-Id}, {@code
 * X-MLflow-Timestamp}, {@code X-MLflow-Signature: v1,<base64 HMAC-SHA256("id.timestamp.body")>}
 * keyed by the secret's UTF-8 string, over {@code {entity, action, timestamp, data}}; MLflow's
 * receivers compare one signature, so only the current secret signs.
 */
public record SignedRequest(byte[] body, Map<String, String> headers) {

  static final String STANDARD = "standard";
  static final String MLFLOW = "mlflow";

  /** One queued event, as the outbox keeps it. */
  record Event(String deliveryId, String type, Instant at, JsonNode data) {}

  static SignedRequest sign(
      String format,
      Event event,
      Instant attemptAt,
      WebhookSecret current,
      Optional<WebhookSecret> previous) {
    String timestamp = Long.toString(attemptAt.getEpochSecond());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (format.equals(MLFLOW)) {
      int dot = event.type().lastIndexOf('.');
      body.put("entity", event.type().substring(0, dot));
      body.put("action", event.type().substring(dot + 1));
      body.put("timestamp", event.at().toString());
      body.set("data", event.data());
      byte[] bytes = bytes(body);
      headers.put("X-MLflow-Delivery-Id", event.deliveryId());
      headers.put("X-MLflow-Timestamp", timestamp);
      headers.put(
          "X-MLflow-Signature",
          "v1," + hmac(current.mlflowKey(), event.deliveryId(), timestamp, bytes));
      return new SignedRequest(bytes, headers);
    }
    body.put("type", event.type());
    body.put("timestamp", event.at().toString());
    body.set("data", event.data());
    byte[] bytes = bytes(body);
    StringBuilder signature =
        new StringBuilder("v1,")
            .append(hmac(current.standardKey(), event.deliveryId(), timestamp, bytes));
    previous.ifPresent(
        old ->
            signature
                .append(" v1,")
                .append(hmac(old.standardKey(), event.deliveryId(), timestamp, bytes)));
    headers.put("webhook-id", event.deliveryId());
    headers.put("webhook-timestamp", timestamp);
    headers.put("webhook-signature", signature.toString());
    return new SignedRequest(bytes, headers);
  }

  private static byte[] bytes(ObjectNode body) {
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String hmac(byte[] key, String id, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
