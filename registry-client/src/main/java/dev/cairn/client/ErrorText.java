package dev.cairn.client;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;

/**
 * An exception in words for a one-line message: the JDK's network failures that carry no message (a
 * refused connection, a closed channel) are named, wrappers that only repeat their cause are
 * skipped, and nothing ever reads "null".
 */
public final class ErrorText {

  private ErrorText() {}

  /** What went wrong, on one line. */
  public static String of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage().strip();
      String named = named(t, message);
      if (named != null) {
        return named;
      }
      if (!message.isEmpty() && !repeatsItsCause(t, message)) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
      }
    }
    return failure.getClass().getSimpleName();
  }

  /**
   * The words for {@code t} alone when the JDK's message for it is empty or says nothing to a
   * reader ({@code connection refused}), else empty. For callers that word a cause chain their own
   * way ({@code StartupFailure}).
   */
  public static Optional<String> named(Throwable t) {
    return Optional.ofNullable(named(t, t.getMessage() == null ? "" : t.getMessage().strip()));
  }

  /** Whether {@code t} is a wrapper whose message only repeats its cause. */
  public static boolean repeatsItsCause(Throwable t) {
    return t.getMessage() != null && repeatsItsCause(t, t.getMessage());
  }

  /** The words for failures whose JDK message is empty or says nothing to a reader. */
  private static String named(Throwable t, String message) {
    return switch (t) {
      case ConnectException c when message.isEmpty() -> "connection refused";
      case ClosedChannelException c -> "connection closed";
      case EOFException e when message.isEmpty() -> "connection ended early";
      case UnresolvedAddressException u -> "unknown host";
      case UnknownHostException u when !message.isEmpty() -> "unknown host " + message;
      default -> "closed".equals(message) ? "connection closed" : null;
    };
  }

  /** {@code new UncheckedIOException(e)} and the like: "java.io.IOException: …" says no more. */
  private static boolean repeatsItsCause(Throwable t, String message) {
    return t.getCause() != null && message.equals(t.getCause().toString());
  }
}
