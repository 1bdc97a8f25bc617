package dev.cairn.registry.auth;

import dev.cairn.client.signing.RequestSignature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * Verifies requests signed with a pre-shared key (spec 75-cli, "Offline installers"): a known key,
 * a date within five minutes of now, a matching HMAC over method, path, query and the signed
 * headers ({@link RequestSignature}: date, nonce, body digest, and {@code Content-Type}, {@code
 * Idempotency-Key}, {@code If-Match} whenever sent), and a signature never seen before. The body
 * itself is checked against the signed digest while it is read ({@code
 * Verdict.Accepted#bodySha256}); a body found to differ gives its signature back ({@link
 * #release}), so a tampered copy that arrives first does not use up the genuine request's
 * signature.
 */
public final class SignedRequests {

  /** How far a signature's date may be from the server's clock, either way. */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  private static final Set<String> SIGNABLE = signable();

  private final WatchedFile<Map<String, SigningKeysFile.Entry>> keys;
  private final SeenSignatures seen;
  private final Clock clock;

  SignedRequests(
      WatchedFile<Map<String, SigningKeysFile.Entry>> keys, SeenSignatures seen, Clock clock) {
    this.keys = keys;
    this.seen = seen;
    this.clock = clock;
  }

  /**
   * What a signed request carries, as received; {@code headers} holds the values of each header of
   * {@link #signableHeaders()} the request has, by lowercase name.
   */
  public record Request(
      String method,
      String rawPath,
      String rawQuery,
      String authorization,
      Map<String, List<String>> headers) {}

  /** The outcome: who signed and the body digest to hold the body to, or why not. */
  public sealed interface Verdict {
    /** {@code signature} is recorded as used; {@link #release} gives it back. */
    record Accepted(Principal principal, String bodySha256, String signature) implements Verdict {}

    /** {@code keyId} names a known key whose signature verified (for the audit of a replay). */
    record Refused(String reason, String detail, Optional<String> keyId) implements Verdict {}
  }

  /** The lowercase names of the headers a signature may cover. */
  public static Set<String> signableHeaders() {
    return SIGNABLE;
  }

  public Verdict verify(Request request) {
    Optional<RequestSignature.Header> header = RequestSignature.parse(request.authorization());
    if (header.isEmpty()) {
      return refused("malformed", "the Cairn-HMAC-SHA256 authorization header is malformed");
    }
    Optional<String> badHeaders = SignedHeaders.problem(header.get().signedHeaders(), request);
    if (badHeaders.isPresent()) {
      return refused("malformed", badHeaders.get());
    }
    SigningKeysFile.Entry entry = keys.current().get(header.get().keyId());
    if (entry == null) {
      return refused("unknown_key", "the request is signed by an unknown key");
    }
    SortedMap<String, String> signed = SignedHeaders.values(header.get().signedHeaders(), request);
    Instant date;
    try {
      date = Instant.parse(signed.get("x-cairn-date"));
    } catch (DateTimeParseException e) {
      return refused("malformed", RequestSignature.DATE_HEADER + " must be an RFC 3339 instant");
    }
    Instant now = clock.instant();
    if (Duration.between(date, now).abs().compareTo(WINDOW) > 0) {
      return refused(
          "expired", "the signature's date is more than 5 minutes from the registry's clock");
    }
    if (!signed.get("x-cairn-nonce").matches("[0-9a-fA-F]{32}")) {
      return refused("malformed", RequestSignature.NONCE_HEADER + " must be 32 hex digits");
    }
    String digest = signed.get("x-checksum-sha256").toLowerCase(Locale.ROOT);
    if (!digest.matches("[0-9a-f]{64}")) {
      return refused("malformed", RequestSignature.DIGEST_HEADER + " must be 64 hex digits");
    }
    signed.put("x-checksum-sha256", digest);
    String expected =
        RequestSignature.hmac(
            entry.key().secretBytes(),
            RequestSignature.canonical(
                request.method(), request.rawPath(), request.rawQuery(), signed));
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        header.get().signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
      return refused("bad_signature", "the signature does not match the request");
    }
    if (!seen.firstUse(entry.key().keyId(), expected, date.plus(WINDOW))) {
      return new Verdict.Refused(
          "replayed", "this signature was already used", Optional.of(entry.key().keyId()));
    }
    return new Verdict.Accepted(entry.principal(), digest, expected);
  }

  /**
   * Gives back the signature of a request refused because its body is not the one signed: the
   * genuine request may still come (a copy with another body must not use its signature up).
   */
  public void release(Verdict.Accepted accepted) {
    seen.release(accepted.signature());
  }

  private static Verdict refused(String reason, String detail) {
    return new Verdict.Refused(reason, detail, Optional.empty());
  }

  private static Set<String> signable() {
    Set<String> names = new LinkedHashSet<>(RequestSignature.SIGNED_WHEN_SENT);
    names.addAll(RequestSignature.ALWAYS_SIGNED);
    return Set.copyOf(names);
  }
}
