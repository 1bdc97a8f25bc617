package dev.cairn.client.process;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code CAIRN_*} environment variables a process does not know: a misspelt or renamed setting
 * is otherwise silently ignored (the default applies). Each process logs one warning per name at
 * start; the chart contract test fails on such a warning.
 */
public final class UnknownVariables {

  /** Variables Kubernetes injects for a Service whose name starts with "cairn" (service links). */
  private static final Pattern SERVICE_LINK =
      Pattern.compile(".*_(SERVICE_HOST|SERVICE_PORT(_.*)?|PORT_\\d+_(TCP|UDP|SCTP)(_.*)?)");

  private UnknownVariables() {}

  /** The warning prefix, so logs and tests agree on it. */
  public static final String WARNING = "unknown variable ignored: ";

  /** {@code CAIRN_*} names in {@code env} that are not in {@code known}, sorted. */
  public static List<String> in(Map<String, String> env, Set<String> known) {
    return env.entrySet().stream()
        .filter(e -> e.getKey().startsWith("CAIRN_"))
        .filter(e -> !known.contains(e.getKey()))
        .filter(e -> !SERVICE_LINK.matcher(e.getKey()).matches())
        .filter(e -> !(e.getKey().endsWith("_PORT") && e.getValue().startsWith("tcp://")))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /** One warning line per unknown name. */
  public static List<String> warnings(Map<String, String> env, Set<String> known) {
    return in(env, known).stream()
        .map(name -> WARNING + name + " (see the README's table of settings)")
        .toList();
  }
}
