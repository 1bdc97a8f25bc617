package dev.cairn.common.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds inline fully-qualified type names ({@code java.time.Duration} written in code instead of
 * imported) in one Java source file. Comments, string and character literals, text blocks, and
 * {@code package}/{@code import} lines are not code here, so they are blanked before matching.
 */
final class QualifiedNames {

  /** One inline name: its 1-based line and the qualified name as written. */
  record Use(int line, String name) {}

  /**
   * A lower-case package path of at least two segments under a top-level domain that Cairn's code
   * uses, then a capitalised type name. The look-behind keeps {@code a.java.util.X} (a field chain)
   * and a name glued to a word from matching.
   */
  private static final Pattern QUALIFIED =
      Pattern.compile(
          "(?<![\\w.$])(?:java|javax|jakarta|jdk|sun|com|org|io|dev|net|picocli|software)"
              + "(?:\\.[a-z_][a-z0-9_]*)+\\.[A-Z][\\w$]*");

  private static final Pattern DECLARATION = Pattern.compile("^\\s*(?:import|package)\\b");

  private QualifiedNames() {}

  /** The inline qualified names of {@code source}, in order. */
  static List<Use> in(String source) {
    String code = blankNonCode(source);
    List<Use> uses = new ArrayList<>();
    String[] lines = code.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (DECLARATION.matcher(lines[i]).find()) {
        continue;
      }
      Matcher m = QUALIFIED.matcher(lines[i]);
      while (m.find()) {
        uses.add(new Use(i + 1, m.group()));
      }
    }
    return uses;
  }

  /**
   * The source with comments and literals replaced by spaces, newlines kept so that line numbers
   * stay those of the file.
   */
  static String blankNonCode(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      int end;
      if (s.startsWith("//", i)) {
        end = indexOrEnd(s, "\n", i);
      } else if (s.startsWith("/*", i)) {
        end = indexOrEnd(s, "*/", i + 2) + 2;
      } else if (s.startsWith("\"\"\"", i)) {
        end = closing(s, "\"\"\"", i + 3);
      } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
        end = closing(s, String.valueOf(s.charAt(i)), i + 1);
      } else {
        out.append(s.charAt(i++));
        continue;
      }
      end = Math.min(end, s.length());
      for (int k = i; k < end; k++) {
        out.append(s.charAt(k) == '\n' ? '\n' : ' ');
      }
      i = end;
    }
    return out.toString();
  }

  private static int indexOrEnd(String s, String token, int from) {
    int at = s.indexOf(token, from);
    return at < 0 ? s.length() : at;
  }

  /** The index after the literal's closing {@code quote}, skipping backslash escapes. */
  private static int closing(String s, String quote, int from) {
    int k = from;
    while (k < s.length() && !s.startsWith(quote, k)) {
      k += s.charAt(k) == '\\' ? 2 : 1;
    }
    return k + quote.length();
  }
}
