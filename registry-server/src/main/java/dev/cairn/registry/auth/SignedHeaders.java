package dev.cairn.registry.auth;

import dev.cairn.client.signing.RequestSignature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code signed_headers} of a signed request: lowercase names, sorted, each once; always the
 * date, nonce and body digest, and each of {@code Content-Type}, {@code Idempotency-Key} and {@code
 * If-Match} exactly when the request carries it — an unsigned one could be changed on the way
 * (issue 24, finding 7).
 */
final class SignedHeaders {

  private SignedHeaders() {}

  /** Why {@code signedHeaders} does not fit {@code request}, or empty when it does. */
  static Optional<String> problem(String signedHeaders, SignedRequests.Request request) {
    List<String> names = List.of(signedHeaders.split(";", -1));
    if (!names.equals(List.copyOf(new TreeSet<>(names)))) {
      return Optional.of("signed_headers must list lowercase header names, sorted, each once");
    }
    for (String name : names) {
      if (!SignedRequests.signableHeaders().contains(name)) {
        return Optional.of(
            "signed_headers may list only "
                + String.join(", ", new TreeSet<>(SignedRequests.signableHeaders()))
                + ", not '"
                + name
                + "'");
      }
    }
    if (!names.containsAll(RequestSignature.ALWAYS_SIGNED)) {
      return Optional.of(
          "signed_headers must list " + String.join(", ", RequestSignature.ALWAYS_SIGNED));
    }
    List<String> unsigned = new ArrayList<>();
    for (String name : RequestSignature.SIGNED_WHEN_SENT) {
      if (request.headers().containsKey(name) && !names.contains(name)) {
        unsigned.add(display(name));
      }
    }
    if (!unsigned.isEmpty()) {
      return Optional.of(
          String.join(", ", unsigned)
              + " sent but not signed: a signature must cover each of them the request carries");
    }
    for (String name : names) {
      List<String> values = request.headers().getOrDefault(name, List.of());
      if (values.isEmpty()) {
        return Optional.of(display(name) + " is signed but not sent");
      }
      if (values.size() > 1) {
        return Optional.of(display(name) + " must be sent once");
      }
    }
    return Optional.empty();
  }

  /** The value of each signed header, by lowercase name; call after {@link #problem} is empty. */
  static SortedMap<String, String> values(String signedHeaders, SignedRequests.Request request) {
    SortedMap<String, String> values = new TreeMap<>();
    for (String name : signedHeaders.split(";")) {
      values.put(name, request.headers().get(name).get(0));
    }
    return values;
  }

  /** {@code if-match} as {@code If-Match}, for messages. */
  private static String display(String name) {
    StringBuilder shown = new StringBuilder();
    for (String part : name.split("-")) {
      if (!shown.isEmpty()) {
        shown.append('-');
      }
      shown.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return shown.toString();
  }
}
