package dev.cairn.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a command may touch of the world: standard streams, the environment and where contexts live
 * ({@code $XDG_CONFIG_HOME/cairn}, else {@code ~/.config/cairn}). Tests pass their own.
 */
public record Terminal(
    InputStream in, PrintStream out, PrintStream err, Map<String, String> env, boolean tty) {

  /** The process's own streams and environment. */
  public static Terminal system() {
    return new Terminal(System.in, System.out, System.err, System.getenv(), interactive());
  }

  /**
   * Whether a person watches. JDK 22's default console exists even when the streams are redirected
   * (only {@code Console.isTerminal()}, new in 22, tells); on 21 and 23+ a console is a terminal.
   */
  private static boolean interactive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  Path configDir() {
    return Optional.ofNullable(env.get("XDG_CONFIG_HOME"))
        .filter(v -> !v.isBlank())
        .map(Path::of)
        .orElseGet(
            () -> Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config"))
        .resolve("cairn");
  }
}
