package dev.cairn.registry.config;

/** A reason the registry refuses to start, worded for the person who started it. */
public final class StartupException extends RuntimeException {

  public StartupException(String message) {
    super(message);
  }

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
