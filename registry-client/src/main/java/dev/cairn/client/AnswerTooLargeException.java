package dev.cairn.client;

/**
 * An answer of the registry (or a sidecar) longer than a client reads of one answer: a lying or
 * broken server cannot make the client hold an endless body in memory (issue 24, finding 6).
 */
public final class AnswerTooLargeException extends RuntimeException {

  AnswerTooLargeException(String request, long cap) {
    this("the registry", request, cap);
  }

  AnswerTooLargeException(String server, String request, long cap) {
    super(
        server
            + "'s answer to "
            + request
            + " is over "
            + (cap >> 20)
            + " MiB, more than cairn reads of one answer");
  }
}
