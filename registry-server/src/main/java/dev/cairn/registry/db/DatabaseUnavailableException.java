package dev.cairn.registry.db;

/** The database could not be reached; answered as 503 {@code UNAVAILABLE} with Retry-After. */
public final class DatabaseUnavailableException extends RuntimeException {

  public DatabaseUnavailableException(Throwable cause) {
    super("database unavailable", cause);
  }
}
