package dev.cairn.operator.modelversion;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keys for a ModelVersion's sources, read from its {@code credentialsSecret}. The Secret uses the
 * names the AWS CLI reads from the environment: {@code AWS_ACCESS_KEY_ID}, {@code
 * AWS_SECRET_ACCESS_KEY}, optional {@code AWS_REGION} and {@code AWS_ENDPOINT_URL} (for MinIO and
 * other S3-compatible stores). Never logged.
 */
public final class SourceCredentials {

  private static final SourceCredentials NONE = new SourceCredentials(Map.of());

  private final Map<String, String> values;

  private SourceCredentials(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static SourceCredentials none() {
    return NONE;
  }

  /** From a Secret's {@code data} (base64 values, as the API returns them). */
  public static SourceCredentials fromSecretData(Map<String, String> data) {
    if (data == null) {
      return NONE;
    }
    var decoded = new HashMap<String, String>();
    data.forEach(
        (k, v) ->
            decoded.put(
                k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8).trim()));
    return new SourceCredentials(decoded);
  }

  public Optional<String> accessKeyId() {
    return value("AWS_ACCESS_KEY_ID");
  }

  public Optional<String> secretAccessKey() {
    return value("AWS_SECRET_ACCESS_KEY");
  }

  public Optional<String> region() {
    return value("AWS_REGION");
  }

  public Optional<String> endpoint() {
    return value("AWS_ENDPOINT_URL");
  }

  private Optional<String> value(String key) {
    return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
  }

  @Override
  public String toString() {
    return "SourceCredentials" + values.keySet();
  }
}
