package dev.cairn.cli;

import dev.cairn.client.TextControls;

/**
 * Text bound for a person's terminal, made inert: every C0 and C1 control, DEL and bidirectional
 * mark or override a registry hands back is shown as a visible escape — {@code \t}, {@code \n},
 * {@code \r}, else {@code \u001B}-style — so stored text can neither drive the terminal (titles,
 * clearing, cursor moves) nor reorder what is read, and a cell or an error stays one line.
 * Backslashes are left as they are: the escapes are for a reader, not for parsing back; {@code -o
 * json} and {@code -o yaml} keep the exact text.
 */
final class TerminalText {

  private TerminalText() {}

  /** {@code text} with its controls escaped; {@code null} stays {@code null}. */
  static String safe(String text) {
    if (text == null || text.codePoints().noneMatch(TextControls::isControl)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                  if (TextControls.isControl(c)) {
                    out.append(String.format("\\u%04X", c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.toString();
  }
}
