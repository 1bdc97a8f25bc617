package dev.cairn.client.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request signature of spec 75-cli ("Offline installers"), shared by the signer (the client)
 * and the verifier (the registry) so both build the same string: the scheme, method, raw path and
 * raw query, then one {@code name:value} line per signed header, in the order of {@code
 * signed_headers} (lowercase names, sorted, {@code ;}-separated):
 *
 * <pre>
 * CAIRN-HMAC-SHA256
 * PUT
 * /api/v1/projects/qc/models/m/aliases/production
 * raw=query
 * content-type:application/json
 * idempotency-key:deploy-42
 * if-match:"7"
 * x-cairn-date:2026-12-01T10:00:00Z
 * x-cairn-nonce:3f1c0e9a5b7d4c2e8a6f0b1d9c3e5a7f
 * x-checksum-sha256:&lt;hex SHA-256 of the body&gt;
 * </pre>
 *
 * joined by {@code \n} with no line after the last, each value exactly as sent. {@code
 * x-cairn-date}, {@code x-cairn-nonce} (128 random bits, 32 hex digits: two identical requests in
 * one second still differ) and {@code x-checksum-sha256} are always signed; {@code content-type},
 * {@code idempotency-key} and {@code if-match} are signed exactly when the request carries them.
 * Sent as {@code Authorization: Cairn-HMAC-SHA256 key_id=…, signed_headers=…, signature=<hex
 * HMAC-SHA256>}.
 */
public final class RequestSignature {

  public static final String SCHEME = "Cairn-HMAC-SHA256";
  public static final String DATE_HEADER = "X-Cairn-Date";
  public static final String NONCE_HEADER = "X-Cairn-Nonce";
  public static final String DIGEST_HEADER = "X-Checksum-Sha256";

  /** Headers every signature covers (lowercase). */
  public static final List<String> ALWAYS_SIGNED =
      List.of("x-cairn-date", "x-cairn-nonce", "x-checksum-sha256");

  /** Headers a signature covers when the request carries them (lowercase). */
  public static final List<String> SIGNED_WHEN_SENT =
      List.of("content-type", "idempotency-key", "if-match");

  /** SHA-256 of zero bytes: what a request without a body signs. */
  public static final String EMPTY_BODY =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static final SecureRandom RANDOM = new SecureRandom();

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

  /** A fresh {@code X-Cairn-Nonce}: 128 random bits as 32 lowercase hex digits. */
  public static String newNonce() {
    byte[] bits = new byte[16];
    RANDOM.nextBytes(bits);
    return HexFormat.of().formatHex(bits);
  }

  /** The {@code signed_headers} value for these lowercase names: sorted, {@code ;}-separated. */
  public static String signedHeaders(Collection<String> names) {
    return String.join(";", new TreeSet<>(names));
  }

  /**
   * The string both sides sign; {@code headers} maps each signed header's lowercase name to its
   * value, in {@code signed_headers} order.
   */
  public static String canonical(
      String method, String rawPath, String rawQuery, SortedMap<String, String> headers) {
    List<String> lines = new ArrayList<>();
    lines.add("CAIRN-HMAC-SHA256");
    lines.add(method);
    lines.add(rawPath);
    lines.add(rawQuery == null ? "" : rawQuery);
    headers.forEach((name, value) -> lines.add(name + ":" + value));
    return String.join("\n", lines);
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
