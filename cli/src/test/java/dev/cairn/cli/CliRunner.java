package dev.cairn.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code cairn} in this JVM with its own config directory, stdin and captured output. */
public final class CliRunner {

  /** The exit code and what the command printed. */
  public record Result(int code, String out, String err) {}

  private final Path home;
  private final Map<String, String> env = new HashMap<>();

  public CliRunner(Path home) {
    this.home = home;
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
  }

  public CliRunner withEnv(String name, String value) {
    env.put(name, value);
    return this;
  }

  Path configDir() {
    return home.resolve("config").resolve("cairn");
  }

  public Result run(String... args) {
    return runWithInput("", args);
  }

  public Result runWithInput(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Terminal terminal =
        new Terminal(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.copyOf(env),
            false);
    int code = CairnCli.run(terminal, args);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
