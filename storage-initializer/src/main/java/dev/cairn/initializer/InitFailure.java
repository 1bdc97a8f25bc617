package dev.cairn.initializer;

/** A failure the initializer can name: its exit code and the one line printed on stderr. */
public final class InitFailure extends RuntimeException {

  private final ExitCode exitCode;

  public InitFailure(ExitCode exitCode, String line) {
    super(line);
    this.exitCode = exitCode;
  }

  public InitFailure(ExitCode exitCode, String line, Throwable cause) {
    super(line, cause);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }
}
