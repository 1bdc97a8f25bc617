package dev.cairn.registry.auth;

import dev.cairn.client.signing.RequestSignature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies requests signed with a pre-shared key (spec 75-cli, "Offline installers"): a known key,
 * a date within five minutes of now, a matching HMAC over method, path, query, date and body
 * digest, and a signature never seen before. The body itself is checked against the signed digest
 * while it is read ({@code Verdict.Accepted#bodySha256}).
 */
public final class SignedRequests {

  /** How far a signature's date may be from the server's clock, either way. */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  private final WatchedFile<Map<String, SigningKeysFile.Entry>> keys;
  private final SeenSignatures seen;
  private final Clock clock;

  SignedRequests(
      WatchedFile<Map<String, SigningKeysFile.Entry>> keys, SeenSignatures seen, Clock clock) {
    this.keys = keys;
    this.seen = seen;
    this.clock = clock;
  }

  /** What a signed request carries, as received. */
  public record Request(
      String method,
      String rawPath,
      String rawQuery,
      String authorization,
      Optional<String> date,
      Optional<String> bodySha256) {}

  /** The outcome: who signed and the body digest to hold the body to, or why not. */
  public sealed interface Verdict {
    record Accepted(Principal principal, String bodySha256) implements Verdict {}

    /** {@code keyId} names a known key whose signature verified (for the audit of a replay). */
    record Refused(String reason, String detail, Optional<String> keyId) implements Verdict {}
  }

  public Verdict verify(Request request) {
    Optional<RequestSignature.Header> header = RequestSignature.parse(request.authorization());
    if (header.isEmpty()) {
      return refused("malformed", "the Cairn-HMAC-SHA256 authorization header is malformed");
    }
    if (!RequestSignature.SIGNED_HEADERS.equals(header.get().signedHeaders())) {
      return refused("malformed", "signed_headers must be " + RequestSignature.SIGNED_HEADERS);
    }
    SigningKeysFile.Entry entry = keys.current().get(header.get().keyId());
    if (entry == null) {
      return refused("unknown_key", "the request is signed by an unknown key");
    }
    if (request.date().isEmpty() || request.bodySha256().isEmpty()) {
      return refused(
          "malformed",
          "a signed request needs "
              + RequestSignature.DATE_HEADER
              + " and "
              + RequestSignature.DIGEST_HEADER);
    }
    Instant date;
    try {
      date = Instant.parse(request.date().get());
    } catch (DateTimeParseException e) {
      return refused("malformed", RequestSignature.DATE_HEADER + " must be an RFC 3339 instant");
    }
    Instant now = clock.instant();
    if (Duration.between(date, now).abs().compareTo(WINDOW) > 0) {
      return refused(
          "expired", "the signature's date is more than 5 minutes from the registry's clock");
    }
    String digest = request.bodySha256().get().toLowerCase(java.util.Locale.ROOT);
    if (!digest.matches("[0-9a-f]{64}")) {
      return refused("malformed", RequestSignature.DIGEST_HEADER + " must be 64 hex digits");
    }
    String expected =
        RequestSignature.hmac(
            entry.key().secretBytes(),
            RequestSignature.canonical(
                request.method(),
                request.rawPath(),
                request.rawQuery(),
                request.date().get(),
                digest));
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        header
            .get()
            .signature()
            .toLowerCase(java.util.Locale.ROOT)
            .getBytes(StandardCharsets.US_ASCII))) {
      return refused("bad_signature", "the signature does not match the request");
    }
    if (!seen.firstUse(entry.key().keyId(), expected, date.plus(WINDOW))) {
      return new Verdict.Refused(
          "replayed", "this signature was already used", Optional.of(entry.key().keyId()));
    }
    return new Verdict.Accepted(entry.principal(), digest);
  }

  private static Verdict refused(String reason, String detail) {
    return new Verdict.Refused(reason, detail, Optional.empty());
  }
}
