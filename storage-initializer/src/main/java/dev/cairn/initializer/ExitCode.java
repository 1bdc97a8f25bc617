package dev.cairn.initializer;

/**
 * The exit codes of the initializer, one per outcome an operator acts on differently (issue 29 item
 * 2). KServe only sees "not zero"; the pod's last state and its one stderr line say which.
 */
public enum ExitCode {
  OK(0, "installed", "the files and resolution.json are in place"),
  /** Also what KServe's own initializer exits with on bad arguments. */
  USAGE(1, "usage", "bad arguments, a malformed cairn:// URI or an unreadable token file"),
  UNAUTHORISED(2, "unauthorised", "the registry refused the token (401/403)"),
  DIGEST_MISMATCH(3, "digest mismatch", "a file's bytes are not its pinned SHA-256"),
  NOT_FOUND(4, "not found", "no such project, model, alias, version or digest"),
  SIGNATURE_REFUSED(5, "signature refused", "the version's signature did not verify"),
  UNREACHABLE(6, "unreachable", "the registry could not be reached or broke the connection"),
  REFUSED(7, "refused", "the registry answered with another problem (its code is printed)"),
  LOCAL_IO(8, "local I/O", "the destination could not be written");

  private final int code;
  private final String word;
  private final String meaning;

  ExitCode(int code, String word, String meaning) {
    this.code = code;
    this.word = word;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  /** The words the stderr line starts with after the process name. */
  public String word() {
    return word;
  }

  public String meaning() {
    return meaning;
  }
}
