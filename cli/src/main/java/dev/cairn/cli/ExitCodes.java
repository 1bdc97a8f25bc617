package dev.cairn.cli;

/**
 * The exit codes of spec 75-cli, one per class of outcome, so a script can tell a refusal from a
 * missing resource from a registry that is down.
 */
public final class ExitCodes {

  public static final int OK = 0;
  public static final int USAGE = 1;
  public static final int REFUSED = 2;
  public static final int INTEGRITY = 3;
  public static final int NOT_FOUND = 4;
  public static final int TIMEOUT = 5;
  public static final int UNREACHABLE = 6;

  /** What {@code cairn --help} says about them. */
  static final String HELP =
      "%nExit codes: 0 success, 1 usage error, 2 refused by the registry (its problem code, or"
          + " the failure code of a version that ended FAILED, is printed), 3 integrity failure"
          + " (digest mismatch, verify failed), 4 not found, 5 a --wait (or events watch --count)"
          + " target not reached in time, 6 registry unreachable.";

  private ExitCodes() {}

  /** A failure the command knows how to name: its exit code and one line for stderr. */
  public static final class Failure extends RuntimeException {
    private final int code;

    public Failure(int code, String message) {
      super(message);
      this.code = code;
    }

    public int code() {
      return code;
    }
  }
}
