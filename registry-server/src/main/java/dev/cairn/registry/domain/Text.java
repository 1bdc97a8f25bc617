package dev.cairn.registry.domain;

import dev.cairn.client.TextControls;

/**
 * Text is text (spec 40-security, Hardening): NUL, C0/C1 control characters and bidirectional
 * controls are refused in names, paths, labels and query filters; free text (descriptions, notes,
 * reasons) keeps line breaks and tabs but never NUL, which PostgreSQL cannot store.
 */
public final class Text {

  private static final int SHOWN = 80;

  private Text() {}

  /** {@code value}, or 400 naming {@code what} if it holds a control or bidi character. */
  public static String requirePlain(String what, String value) {
    if (value != null) {
      value.codePoints().filter(Text::isControl).findFirst().ifPresent(c -> refuse(what, c));
    }
    return value;
  }

  /** {@code value}, or 400 naming {@code what} if it holds NUL. */
  public static String requireNoNul(String what, String value) {
    if (value != null && value.indexOf('\0') >= 0) {
      refuse(what, 0);
    }
    return value;
  }

  /** NUL, C0 and C1 controls, DEL, and the bidirectional marks, embeddings and isolates. */
  public static boolean isControl(int c) {
    return TextControls.isControl(c);
  }

  /** {@code value} safe to quote in a message or log line: controls escaped, length bounded. */
  public static String printable(String value) {
    StringBuilder out = new StringBuilder();
    value
        .codePoints()
        .limit(SHOWN)
        .forEach(
            c -> {
              if (isControl(c)) {
                out.append(String.format("\\u%04X", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return value.codePointCount(0, value.length()) > SHOWN ? out + "…" : out.toString();
  }

  private static void refuse(String what, int c) {
    throw ApiException.badRequest(
        what
            + " contains "
            + (c == 0 ? "a NUL character" : String.format("the control character U+%04X", c))
            + "; text may not carry control or bidirectional-override characters");
  }
}
