package dev.cairn.client.process;

import dev.cairn.client.ErrorText;
import java.io.PrintStream;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ends a process that could not start with one line on standard error and exit code 1, so that a
 * crash-looping pod says why in {@code kubectl logs} (spec 70-deployment): {@code cairn-registry:
 * cannot start: port 8080 is already in use}. Shared by the registry, the operator and the sidecar.
 */
public final class StartupFailure {

  /** Exit code of a process that did not start (configuration, port, dependency). */
  public static final int EXIT_CODE = 1;

  private StartupFailure() {}

  /** Prints the one line for {@code failure} and exits; never returns. */
  public static void exit(String process, Throwable failure) {
    exit(process, describe(failure), System.err);
  }

  /** Prints the one line and exits; never returns. */
  public static void exit(String process, String reason, PrintStream err) {
    // Printed directly: the logging backend may itself be what failed, and one unwrapped line is
    // the whole point here.
    err.println(line(process, reason));
    err.flush();
    System.exit(EXIT_CODE);
  }

  /** {@code <process>: cannot start: <reason>}, newlines folded. */
  public static String line(String process, String reason) {
    return process + ": cannot start: " + reason.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  /**
   * The reason in words: a port in use says so; otherwise the first message of the cause chain that
   * is not a mere wrapper, with its exception type when the message alone is unclear.
   */
  public static String describe(Throwable failure) {
    if ((failure instanceof IllegalStateException || failure instanceof IllegalArgumentException)
        && failure.getMessage() != null) {
      return failure.getMessage(); // our own, already worded for the reader
    }
    Optional<BindException> bind = find(failure, BindException.class);
    if (bind.isPresent()) {
      return "the listen address is already in use (" + bind.get().getMessage() + ")";
    }
    // Wrappers such as "Error starting operator" say little alone: the first message says what
    // failed, the root cause's says why.
    // A JDK failure without a message (a refused connection) is named as ErrorText names it
    // everywhere else, rather than passed over.
    List<String> messages = new ArrayList<>();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message == null || message.isBlank()) {
        ErrorText.named(t).ifPresent(messages::add);
      } else if (!ErrorText.repeatsItsCause(t)) {
        messages.add(
            t instanceof IllegalArgumentException || t instanceof IllegalStateException
                ? message
                : message + " (" + t.getClass().getSimpleName() + ")");
      }
    }
    if (messages.size() > 1) {
      return messages.getFirst() + ": " + messages.getLast();
    }
    if (!messages.isEmpty()) {
      return messages.getFirst();
    }
    return failure.getClass().getName();
  }

  private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }
}
