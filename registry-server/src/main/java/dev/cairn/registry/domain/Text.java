package dev.cairn.registry.domain;

import dev.cairn.client.TextControls;
import java.util.List;
import java.util.Map;

/**
 * Text is text (spec 40-security, Hardening): NUL, C0/C1 control characters and bidirectional
 * controls are refused in names, paths, labels and query filters, and in free text (issue 24,
 * finding 3: stored escapes reached other users' terminals). Multi-line free text (descriptions,
 * notes, metadata values) keeps tabs and line breaks ({@code \n}, {@code \r\n}); one-line free text
 * (a task, a reason, who approved) keeps neither.
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

  /**
   * Whether {@code value} holds no control or bidi character: {@link #requirePlain}'s test without
   * its stream, for the request path (every query value of every request).
   */
  public static boolean isPlain(String value) {
    if (value == null) {
      return true;
    }
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      if (isControl(c)) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  /** A one-line free-text {@code field}, or 400 {@code INVALID_TEXT:<field>}. */
  public static String line(String field, String value) {
    return checked(field, value, false);
  }

  /** A multi-line free-text {@code field}: tab, LF and CR LF allowed; else as {@link #line}. */
  public static String lines(String field, String value) {
    return checked(field, value, true);
  }

  /**
   * A JSON document ({@code metadata}, {@code provenance}) as bound: member names are one line,
   * string values multi-line, at any depth; numbers, booleans and nulls pass.
   */
  public static <T> T document(String field, T value) {
    if (value instanceof Map<?, ?> members) {
      members.forEach(
          (name, member) -> {
            checked(field, String.valueOf(name), false);
            document(field, member);
          });
    } else if (value instanceof List<?> items) {
      items.forEach(item -> document(field, item));
    } else if (value instanceof String text) {
      checked(field, text, true);
    }
    return value;
  }

  private static String checked(String field, String value, boolean multiLine) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean lineBreak =
          c == '\n'
              || c == '\t'
              || (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n');
      if (isControl(c) && !(multiLine && lineBreak)) {
        throw ApiException.invalidText(
            field,
            String.format(
                "%s contains the control character U+%04X; %s",
                field,
                (int) c,
                multiLine
                    ? "text may break lines (\\n, \\r\\n) and hold tabs, but carry no other control"
                        + " or bidirectional character"
                    : "this field is one line of text, without control or bidirectional characters"));
      }
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
