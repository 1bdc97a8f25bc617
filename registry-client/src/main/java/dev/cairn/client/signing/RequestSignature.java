package dev.cairn.client.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request signature of spec 75-cli ("Offline installers"), shared by the signer (the client)
 * and the verifier (the registry) so both build the same string:
 *
 * <pre>
 * CAIRN-HMAC-SHA256
 * METHOD
 * /raw/path
 * raw=query
 * x-cairn-date:2026-12-01T10:00:00Z
 * x-checksum-sha256:&lt;hex SHA-256 of the body&gt;
 * </pre>
 *
 * sent as {@code Authorization: Cairn-HMAC-SHA256 key_id=…, signed_headers=x-cairn-date;
 * x-checksum-sha256, signature=<hex HMAC-SHA256>}.
 */
public final class RequestSignature {

  public static final String SCHEME = "Cairn-HMAC-SHA256";
  public static final String DATE_HEADER = "X-Cairn-Date";
  public static final String DIGEST_HEADER = "X-Checksum-Sha256";
  public static final String SIGNED_HEADERS = "x-cairn-date;x-checksum-sha256";

  /** SHA-256 of zero bytes: what a request without a body signs. */
  public static final String EMPTY_BODY =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private RequestSignature() {}

  /** The {@code Authorization} header's parameters. */
  public record Header(String keyId, String signedHeaders, String signature) {
    public String value() {
      return SCHEME
          + " key_id="
          + keyId
          + ", signed_headers="
          + signedHeaders
          + ", signature="
          + signature;
    }
  }

  /** The string both sides sign. */
  public static String canonical(
      String method, String rawPath, String rawQuery, String date, String bodySha256) {
    return String.join(
        "\n",
        List.of(
            "CAIRN-HMAC-SHA256",
            method,
            rawPath,
            rawQuery == null ? "" : rawQuery,
            "x-cairn-date:" + date,
            "x-checksum-sha256:" + bodySha256));
  }

  /** Hex HMAC-SHA256 of {@code canonical} under {@code secret}. */
  public static String hmac(byte[] secret, String canonical) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /** Parses {@code Cairn-HMAC-SHA256 key_id=…, signed_headers=…, signature=…}; empty if not one. */
  public static Optional<Header> parse(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
      return Optional.empty();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String part : authorization.substring(SCHEME.length() + 1).split(",")) {
      String[] pair = part.trim().split("=", 2);
      if (pair.length != 2 || parameters.putIfAbsent(pair[0].trim(), pair[1].trim()) != null) {
        return Optional.empty();
      }
    }
    String keyId = parameters.get("key_id");
    String signed = parameters.get("signed_headers");
    String signature = parameters.get("signature");
    if (keyId == null || signed == null || signature == null || parameters.size() != 3) {
      return Optional.empty();
    }
    return Optional.of(new Header(keyId, signed, signature));
  }
}
