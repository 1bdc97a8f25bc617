package dev.cairn.registry.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MLflow's documented receiver check (docs: "Webhooks", verifying the signature), line by line:
 * {@code signature.startswith("v1,")}, {@code signed_content = f"{delivery_id}.{timestamp}.
 * {payload}"}, HMAC-SHA256 keyed by {@code secret.encode("utf-8")}, base64, constant-time compare;
 * and the timestamp no older than 300 s. Written apart from the registry's signer, so the two can
 * only agree by both following MLflow.
 */
final class MlflowRecipe {

  private MlflowRecipe() {}

  static boolean verify(
      String payload, String signature, String secret, String deliveryId, String timestamp)
      throws Exception {
    if (signature == null || !signature.startsWith("v1,")) {
      return false;
    }
    if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) > 300) {
      return false;
    }
    String signatureB64 = signature.substring(3);
    String signedContent = deliveryId + "." + timestamp + "." + payload;
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        Base64.getEncoder()
            .encodeToString(mac.doFinal(signedContent.getBytes(StandardCharsets.UTF_8)));
    return MessageDigest.isEqual(
        signatureB64.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
