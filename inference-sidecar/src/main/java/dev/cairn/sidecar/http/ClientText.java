package dev.cairn.sidecar.http;

/** Text a client sent: bounded on the way in, and cut short before an answer repeats it. */
final class ClientText {

  /** The most characters (code points) of a client's value an answer repeats. */
  static final int ECHOED = 64;

  /** The longest name-like field (a mode, a model, a tensor name, a request id) accepted. */
  static final int LONGEST_FIELD = 256;

  private ClientText() {}

  /** {@code text} itself when short, else its first {@value #ECHOED} code points and "…". */
  static String bounded(String text) {
    if (text == null || text.codePointCount(0, text.length()) <= ECHOED) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, ECHOED)) + "…";
  }

  /** {@code value} when at most {@value #LONGEST_FIELD} characters, else a 400 naming the field. */
  static String field(String field, String value) {
    if (value != null && value.length() > LONGEST_FIELD) {
      throw Problem.badRequest(
          "FIELD_TOO_LONG",
          field
              + " is "
              + value.length()
              + " characters long; at most "
              + LONGEST_FIELD
              + " are accepted");
    }
    return value;
  }
}
