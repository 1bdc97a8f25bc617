package dev.cairn.registry.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tag mapping (issue 29 item 5) with plain values, and the parsing of {@code /v2/} paths and
 * digests that every hostile name and digest meets first.
 */
class OciTagsTest {

  @Test
  void versionsAliasesAndAliasVariantsWithVersionsWinningOverAliases() {
    Map<String, String> tags =
        OciTags.of(
            List.of("v1", "v2", "staging"),
            Map.of(
                "production", Map.of("HIGH", "v1", "LOW", "v2"),
                "staging", Map.of("HIGH", "v2"),
                "broken", Map.of("HIGH", "v9")),
            "HIGH");
    assertThat(tags)
        .containsExactly(
            Map.entry("production", "v1"),
            Map.entry("production-LOW", "v2"),
            Map.entry("staging", "staging"),
            Map.entry("v1", "v1"),
            Map.entry("v2", "v2"));
  }

  @Test
  void anAliasNameBeatsAnAliasVariantSpellingOfTheSameTag() {
    Map<String, String> tags =
        OciTags.of(
            List.of("a", "b"),
            Map.of("prod", Map.of("D", "a", "X", "a"), "prod-X", Map.of("D", "b")),
            "D");
    assertThat(tags).containsEntry("prod-X", "b").containsEntry("prod", "a");
  }

  @Test
  void pathsParseIntoEndpointsAndRepositories() {
    assertThat(OciPath.parse("/v2/").endpoint()).isEqualTo(OciPath.Endpoint.BASE);
    assertThat(OciPath.parse("/v2").endpoint()).isEqualTo(OciPath.Endpoint.BASE);
    assertThat(OciPath.parse("/v2/token").endpoint()).isEqualTo(OciPath.Endpoint.TOKEN);
    OciPath manifest = OciPath.parse("/v2/p/m/manifests/production");
    assertThat(manifest.endpoint()).isEqualTo(OciPath.Endpoint.MANIFEST);
    assertThat(manifest.name()).isEqualTo("p/m");
    assertThat(manifest.reference()).isEqualTo("production");
    assertThat(OciPath.parse("/v2/p/m/tags/list").endpoint()).isEqualTo(OciPath.Endpoint.TAGS);
    assertThat(OciPath.parse("/v2/p/m/blobs/uploads/").endpoint())
        .isEqualTo(OciPath.Endpoint.BLOB_UPLOAD);
    assertThat(OciPath.parse("/v2/p/m/blobs/uploads/abc").endpoint())
        .isEqualTo(OciPath.Endpoint.BLOB_UPLOAD);
    assertThat(OciPath.parse("/v2/_catalog").endpoint()).isEqualTo(OciPath.Endpoint.UNKNOWN);
  }

  @Test
  void namesOutsideTheGrammarAreInvalidAndOtherShapesUnknown() {
    assertThatThrownBy(() -> OciPath.parse("/v2/p/%2e%2e/manifests/x"))
        .isInstanceOfSatisfying(
            OciError.class, e -> assertThat(e.code()).isEqualTo("NAME_INVALID"));
    assertThatThrownBy(() -> OciPath.parse("/v2/p/../m/manifests/x"))
        .isInstanceOfSatisfying(
            OciError.class, e -> assertThat(e.code()).isEqualTo("NAME_INVALID"));
    assertThatThrownBy(() -> OciPath.parse("/v2/a/b/c/manifests/x"))
        .isInstanceOfSatisfying(
            OciError.class, e -> assertThat(e.code()).isEqualTo("NAME_UNKNOWN"));
    assertThatThrownBy(() -> OciPath.parse("/v2/UPPER/m/manifests/x"))
        .isInstanceOfSatisfying(
            OciError.class, e -> assertThat(e.code()).isEqualTo("NAME_UNKNOWN"));
  }

  @Test
  void digestsFollowTheImageSpecGrammar() {
    assertThat(OciDigest.parse("sha256:" + "a".repeat(64)).sha256()).contains("a".repeat(64));
    assertThat(OciDigest.parse("sha512:" + "b".repeat(128)).sha256()).isEmpty();
    for (String bad :
        List.of(
            "sha256:totallywrong",
            "sha256:" + "A".repeat(64),
            "sha256:" + "a".repeat(63),
            "sha256:",
            ":abc",
            "sha256:../../etc/passwd")) {
      assertThatThrownBy(() -> OciDigest.parse(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              OciError.class, e -> assertThat(e.code()).isEqualTo("DIGEST_INVALID"));
    }
  }
}
