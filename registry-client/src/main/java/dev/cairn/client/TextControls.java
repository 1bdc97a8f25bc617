package dev.cairn.client;

/**
 * The characters text may not carry to a terminal or a name: NUL, C0 and C1 controls, DEL, and the
 * bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E/F, U+202A–E, U+2066–9).
 * One home for the registry, which refuses them, and the command line, which shows them escaped.
 */
public final class TextControls {

  private TextControls() {}

  /** Whether {@code c} is such a character. */
  public static boolean isControl(int c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == 0x061c
        || c == 0x200e
        || c == 0x200f
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }
}
