package dev.cairn.registry.oci;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A repository's tags and the version each names: every servable version by its name; every alias
 * by its name for the model's default variant and as {@code <alias>-<variant>} for its other
 * variants (so {@code production} follows the alias, {@code production-LOW} its LOW pointer). A
 * version name wins over an alias of the same name, and an alias over an alias-variant spelling; an
 * alias tag appears only while its pointer names a servable version, and a name outside the
 * distribution spec's tag grammar is left out. Pure: tested with plain values.
 */
public final class OciTags {

  private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

  private OciTags() {}

  /** Tag → version name, sorted by tag (the order {@code tags/list} pages through). */
  public static SortedMap<String, String> of(
      Collection<String> servable,
      Map<String, Map<String, String>> aliases,
      String defaultVariant) {
    Set<String> versions = Set.copyOf(servable);
    SortedMap<String, String> tags = new TreeMap<>();
    aliases.forEach(
        (alias, pointers) ->
            pointers.forEach(
                (variant, version) -> {
                  if (!variant.equals(defaultVariant)) {
                    add(tags, alias + "-" + variant, version, versions);
                  }
                }));
    aliases.forEach(
        (alias, pointers) -> {
          String version = pointers.get(defaultVariant);
          if (version != null) {
            tags.remove(alias);
            add(tags, alias, version, versions);
          }
        });
    for (String version : versions) {
      if (TAG.matcher(version).matches()) {
        tags.put(version, version);
      }
    }
    return tags;
  }

  /** Whether {@code reference} is a tag by the distribution spec's grammar. */
  public static boolean isTag(String reference) {
    return TAG.matcher(reference).matches();
  }

  private static void add(
      Map<String, String> tags, String tag, String version, Set<String> servable) {
    if (servable.contains(version) && TAG.matcher(tag).matches()) {
      tags.put(tag, version);
    }
  }
}
