package dev.cairn.sidecar.http;

/** Text a client sent, cut to a bounded length before an answer or a log line repeats it. */
final class ClientText {

  /** The most characters (code points) of a client's value an answer repeats. */
  static final int ECHOED = 64;

  private ClientText() {}

  /** {@code text} itself when short, else its first {@value #ECHOED} code points and "…". */
  static String bounded(String text) {
    if (text == null || text.codePointCount(0, text.length()) <= ECHOED) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, ECHOED)) + "…";
  }
}
