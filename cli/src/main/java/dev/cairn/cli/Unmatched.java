package dev.cairn.cli;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one line a mistyped command or option gets, instead of the whole usage: what was not
 * understood, where, and the closest name picocli knows ({@code did you mean 'model'?}).
 */
final class Unmatched {

  private Unmatched() {}

  static String line(UnmatchedArgumentException e) {
    String where = e.getCommandLine().getCommandSpec().qualifiedName();
    List<String> unmatched = e.getUnmatched();
    if (unmatched.isEmpty()) {
      return e.getMessage() + "; see '" + where + " --help'";
    }
    String first = unmatched.getFirst();
    boolean option = first.startsWith("-");
    boolean command = !option && !e.getCommandLine().getSubcommands().isEmpty();
    String kind = option ? "unknown option" : command ? "unknown command" : "unexpected argument";
    String line = kind + " '" + first + "' for '" + where + "'";
    return closest(stripValue(first), names(e.getCommandLine().getCommandSpec(), option))
        .map(s -> line + "; did you mean '" + s + "'?")
        .orElse(line + "; see '" + where + " --help'");
  }

  /** {@code --projetc=x} is the option {@code --projetc}. */
  private static String stripValue(String arg) {
    int equals = arg.indexOf('=');
    return arg.startsWith("-") && equals > 0 ? arg.substring(0, equals) : arg;
  }

  /** The visible subcommands, or the visible options' names. */
  private static List<String> names(CommandSpec spec, boolean options) {
    if (options) {
      return spec.options().stream()
          .filter(o -> !o.hidden())
          .flatMap(o -> Arrays.stream(o.names()))
          .toList();
    }
    return spec.subcommands().entrySet().stream()
        .filter(s -> !s.getValue().getCommandSpec().usageMessage().hidden())
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * The name with the fewest edits, if it is near enough to be the one meant (picocli's own
   * suggestions compare letter pairs, and find nothing for {@code lsit}).
   */
  private static Optional<String> closest(String typed, List<String> names) {
    int near = Math.max(2, typed.length() / 3);
    return names.stream()
        .filter(n -> distance(typed, n) <= near)
        .min(Comparator.comparingInt(n -> distance(typed, n)));
  }

  /** Levenshtein distance, transpositions counted as one edit (modle → model). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
