package dev.cairn.registry.version;

/**
 * How a version declared without a name is named, each series counted per model: {@code v<n>} for
 * every version, {@code failed-<n>} for an STD registration whose standard was not acceptable — so
 * the numbers of accepted standards stay dense while failed attempts are kept and listed.
 */
public enum AutoName {
  NUMBERED("v"),
  FAILED_ATTEMPT("failed-");

  private final String prefix;

  AutoName(String prefix) {
    this.prefix = prefix;
  }

  /** The name prefix of the series, before its number. */
  public String prefix() {
    return prefix;
  }

  String name(long number) {
    return prefix + number;
  }
}
