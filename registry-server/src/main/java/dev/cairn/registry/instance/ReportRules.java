package dev.cairn.registry.instance;

import dev.cairn.client.model.LoadedVersion;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a serving report agrees with the registry (issue 24): the generation it names is one the
 * alias had, and what it says is loaded is that generation's versions with their digests. Decided
 * from plain values, so it is tested without a server.
 */
final class ReportRules {

  /** The computed alias: its generation is always 0 and its pointers move with every READY. */
  static final String LATEST = "latest";

  /** A stored version as the rule needs it. */
  record KnownVersion(String variant, String digest) {}

  /** What the report is checked against, loaded by the service in its transaction. */
  record Facts(
      String alias,
      List<String> modelVariants,
      Optional<Map<String, String>> pointersAtGeneration,
      Map<String, Optional<KnownVersion>> versions) {}

  private ReportRules() {}

  /** Why the report cannot be true, or empty when it can. */
  static Optional<String> problem(Long generation, Map<String, LoadedVersion> loaded, Facts facts) {
    if (generation == null || generation == 0 && loaded.isEmpty()) {
      // Nothing loaded yet: a sidecar whose alias was never activated reports generation 0.
      return loaded.isEmpty()
          ? Optional.empty()
          : Optional.of("a report with loaded versions must name the alias generation they are of");
    }
    boolean latest = facts.alias().equals(LATEST);
    if (latest && generation != 0) {
      return Optional.of("'latest' has no history: its generation is 0, not " + generation);
    }
    if (!latest && facts.pointersAtGeneration().isEmpty()) {
      return Optional.of(
          "alias '"
              + facts.alias()
              + "' never had generation "
              + generation
              + " (see its history)");
    }
    for (Map.Entry<String, LoadedVersion> entry : loaded.entrySet()) {
      Optional<String> problem =
          variantProblem(generation, entry.getKey(), entry.getValue(), facts);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> variantProblem(
      long generation, String variant, LoadedVersion loaded, Facts facts) {
    if (!facts.modelVariants().contains(variant)) {
      return Optional.of(
          "'" + variant + "' is not a variant of the model (" + facts.modelVariants() + ")");
    }
    String version = loaded == null ? null : loaded.version();
    if (version == null) {
      return Optional.of("variant '" + variant + "' is reported without a version");
    }
    if (facts.pointersAtGeneration().isPresent()) {
      String pointed = facts.pointersAtGeneration().get().get(variant);
      if (pointed == null) {
        return Optional.of(
            "generation "
                + generation
                + " of '"
                + facts.alias()
                + "' has no variant '"
                + variant
                + "'");
      }
      if (!pointed.equals(version)) {
        return Optional.of(
            "generation "
                + generation
                + " of '"
                + facts.alias()
                + "' points variant '"
                + variant
                + "' at "
                + pointed
                + ", not "
                + version);
      }
    }
    Optional<KnownVersion> known = facts.versions().getOrDefault(version, Optional.empty());
    if (known.isEmpty()) {
      return Optional.of("version " + version + " does not exist");
    }
    if (!known.get().variant().equals(variant)) {
      return Optional.of(
          version
              + " is a version of variant '"
              + known.get().variant()
              + "', not '"
              + variant
              + "'");
    }
    if (loaded.digest() != null && !Objects.equals(loaded.digest(), known.get().digest())) {
      return Optional.of("the digest reported for " + version + " is not that version's digest");
    }
    return Optional.empty();
  }
}
