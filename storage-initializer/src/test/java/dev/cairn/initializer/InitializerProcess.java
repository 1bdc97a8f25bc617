package dev.cairn.initializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged initializer ({@code target/cairn-storage-initializer.jar}, its libraries beside it)
 * run as a process of its own, as the image's entry point runs it; no {@code CAIRN_*} variable of
 * the test's environment leaks in.
 */
final class InitializerProcess {

  /** The exit code and what the process printed. */
  record Result(int code, String out, String err) {

    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private static final Path JAR = Path.of("target", "cairn-storage-initializer.jar");

  private final Path logs;
  private int runs;

  InitializerProcess(Path logs) {
    this.logs = logs;
  }

  Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    Started started = start(env, args);
    Process process = started.process();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the initializer did not end within 120 s: " + List.of(args));
    }
    return started.result();
  }

  /** A running initializer and where its output goes. */
  record Started(Process process, Path out, Path err) {

    /** What it printed, once it has ended. */
    Result result() throws IOException {
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    }
  }

  Started start(Map<String, String> env, String... args) throws IOException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: run through `verify` (package first)");
    }
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("CAIRN_"));
    builder.environment().putAll(env);
    int n = ++runs;
    Path out = logs.resolve("run-" + n + ".out");
    Path err = logs.resolve("run-" + n + ".err");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    return new Started(process, out, err);
  }
}
