package dev.cairn.registry.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.LoadedVersion;
import dev.cairn.registry.instance.ReportRules.Facts;
import dev.cairn.registry.instance.ReportRules.KnownVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rule a serving report must meet, decided from plain values (issue 24, finding 4). */
class ReportRulesTest {

  private static final List<String> MODES = List.of("LOW", "MID", "HIGH");

  private static final Map<String, Optional<KnownVersion>> V3 =
      Map.of("v3", Optional.of(new KnownVersion("LOW", "d3")));

  @Test
  void acceptsTheGenerationsVersionsWithOrWithoutTheirDigest() {
    Facts facts = new Facts("production", MODES, Optional.of(Map.of("LOW", "v3", "MID", "v4")), V3);

    assertThat(ReportRules.problem(5L, Map.of("LOW", loaded("v3", "d3")), facts)).isEmpty();
    assertThat(ReportRules.problem(5L, Map.of("LOW", loaded("v3", null)), facts)).isEmpty();
  }

  @Test
  void aReportWithNothingLoadedNeedsNoGenerationButLoadedVersionsDo() {
    Facts facts = new Facts("production", MODES, Optional.empty(), Map.of());

    assertThat(ReportRules.problem(null, Map.of(), facts)).isEmpty();
    assertThat(ReportRules.problem(0L, Map.of(), facts)).as("never activated").isEmpty();
    assertThat(ReportRules.problem(0L, Map.of("LOW", loaded("v3", "d3")), facts))
        .hasValueSatisfying(p -> assertThat(p).contains("never had generation 0"));
    assertThat(ReportRules.problem(4L, Map.of(), facts))
        .hasValueSatisfying(p -> assertThat(p).contains("never had generation 4"));
    assertThat(ReportRules.problem(null, Map.of("LOW", loaded("v3", "d3")), facts))
        .hasValueSatisfying(p -> assertThat(p).contains("must name the alias generation"));
  }

  @Test
  void latestIsGenerationZeroAndChecksVersionsAndDigestsOnly() {
    Facts facts = new Facts("latest", MODES, Optional.empty(), V3);

    assertThat(ReportRules.problem(0L, Map.of("LOW", loaded("v3", "d3")), facts)).isEmpty();
    assertThat(ReportRules.problem(2L, Map.of("LOW", loaded("v3", "d3")), facts))
        .hasValueSatisfying(p -> assertThat(p).contains("generation is 0, not 2"));
    assertThat(ReportRules.problem(0L, Map.of("MID", loaded("v3", "d3")), facts))
        .hasValueSatisfying(p -> assertThat(p).contains("variant 'LOW', not 'MID'"));
    assertThat(ReportRules.problem(0L, Map.of("LOW", loaded("v9", null)), facts))
        .hasValueSatisfying(p -> assertThat(p).contains("v9 does not exist"));
  }

  @Test
  void aVariantTheModelDoesNotHaveIsRefused() {
    Facts facts = new Facts("latest", MODES, Optional.empty(), V3);

    assertThat(ReportRules.problem(0L, Map.of("ULTRA", loaded("v3", "d3")), facts))
        .hasValueSatisfying(p -> assertThat(p).contains("'ULTRA' is not a variant of the model"));
  }

  @Test
  void aVariantWithoutAVersionIsRefused() {
    Facts facts = new Facts("production", MODES, Optional.of(Map.of("LOW", "v3")), V3);

    assertThat(ReportRules.problem(5L, Map.of("LOW", loaded(null, "d3")), facts))
        .hasValueSatisfying(p -> assertThat(p).contains("'LOW' is reported without a version"));
  }

  private static LoadedVersion loaded(String version, String digest) {
    return new LoadedVersion(version, digest, Instant.now());
  }
}
