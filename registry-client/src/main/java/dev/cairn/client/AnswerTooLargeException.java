package dev.cairn.client;

/**
 * An answer of the registry longer than a client reads of one answer: a lying or broken server
 * cannot make the client hold an endless body in memory (issue 24, finding 6).
 */
public final class AnswerTooLargeException extends RuntimeException {

  AnswerTooLargeException(String request, long cap) {
    super(
        "the registry's answer to "
            + request
            + " is over "
            + (cap >> 20)
            + " MiB, more than cairn reads of one answer");
  }
}
