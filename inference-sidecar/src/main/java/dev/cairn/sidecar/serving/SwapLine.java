package dev.cairn.sidecar.serving;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one log line of a swap: the model, its generation and each variant's version before → after
 * with the new digest's prefix, and how long the new set took to prepare.
 */
public final class SwapLine {

  private static final int DIGEST_HEX = 12;

  private SwapLine() {}

  /** {@code ink: generation 3 → 4 in 120 ms: MID v1 → v2 (sha256:1a2b3c4d5e6f), LOW v1}. */
  public static String of(String model, ServingSet from, ServingSet to, long prepareNanos) {
    Set<String> variants = new LinkedHashSet<>(to.target().modelVariants());
    variants.addAll(from.variants().keySet());
    variants.addAll(to.variants().keySet());
    StringBuilder line =
        new StringBuilder(model)
            .append(": generation ")
            .append(from.generation())
            .append(" → ")
            .append(to.generation())
            .append(" in ")
            .append(prepareNanos / 1_000_000)
            .append(" ms:");
    String separator = " ";
    for (String variant : variants) {
      ServingSet.Served before = from.variants().get(variant);
      ServingSet.Served after = to.variants().get(variant);
      if (before == null && after == null) {
        continue;
      }
      line.append(separator).append(variant).append(' ');
      separator = ", ";
      if (after == null) {
        line.append(before.version()).append(" → none");
      } else if (before != null
          && before.digest() != null
          && before.digest().equals(after.digest())) {
        line.append(after.version());
      } else {
        line.append(before == null ? "none" : before.version())
            .append(" → ")
            .append(after.version())
            .append(" (")
            .append(prefix(after.digest()))
            .append(')');
      }
    }
    if (separator.equals(" ")) {
      line.append(" nothing to serve");
    }
    return line.toString();
  }

  private static String prefix(String digest) {
    if (digest == null) {
      return "no digest";
    }
    int colon = digest.indexOf(':');
    int end = Math.min(digest.length(), colon + 1 + DIGEST_HEX);
    return digest.substring(0, end);
  }
}
