package dev.cairn.signing;

import static dev.cairn.signing.KeyMethodTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Building and reading the in-toto statement of an OMS signature. */
class ModelStatementTest {
  private static final String A = "a".repeat(64);
  private static final String B = "b".repeat(64);

  @Test
  void rootDigestIsSha256OverTheRawResourceDigestsInNameOrder() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("z.bin", B);
    files.put("a.bin", A);

    ModelStatement statement = ModelStatement.of("m", files, List.of());

    byte[] raw = HexFormat.of().parseHex(A + B);
    assertThat(statement.rootDigest()).isEqualTo(Digests.sha256Hex(raw));
    assertThat(statement.resources()).extracting(Resource::name).containsExactly("a.bin", "z.bin");
  }

  @Test
  void sortsByCodePointNotUtf16Unit() {
    // U+FF5E sorts after U+1F600 in UTF-16 units (0xFF5E > 0xD83D) but before it by code point.
    Map<String, String> files = Map.of("\uD83D\uDE00", A, "\uFF5E", B);

    assertThat(ModelStatement.of("m", files, List.of()).resources())
        .extracting(Resource::name)
        .containsExactly("\uFF5E", "\uD83D\uDE00");
  }

  @Test
  void leavesOutTheSignatureAndExcludedPathsAndRecordsThem() {
    Map<String, String> files =
        Map.of("model.onnx", A, "model.sig", B, ".git/HEAD", B, "cache/x", B);

    ModelStatement statement = ModelStatement.of("m", files, List.of("cache"));

    assertThat(statement.resources()).extracting(Resource::name).containsExactly("model.onnx");
    assertThat(statement.serialization().ignorePaths())
        .contains(".git", ".gitignore", ".gitattributes", ".github", "cache", "model.sig");
  }

  @Test
  void roundTripsThroughItsJson() throws Exception {
    ModelStatement statement = ModelStatement.of("m", Map.of("dir/a", A, "b", B), List.of("tmp"));

    assertThat(ModelStatement.parse(statement.toJson())).isEqualTo(statement);
  }

  @Test
  void refusesToBuildFromNonCanonicalPathsOrBadDigests() {
    for (String path : List.of("/abs", "../up", "a/./b", "a//b", "dir/", "")) {
      assertThatThrownBy(() -> ModelStatement.of("m", Map.of(path, A), List.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> ModelStatement.of("m", Map.of("a", "ABC"), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModelStatement.of("m", Map.of("model.sig", A), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesStatementsThatBreakTheSpec() {
    String good =
        new String(
            ModelStatement.of("m", Map.of("a", A, "b", B), List.of()).toJson(),
            StandardCharsets.UTF_8);
    List<String> broken =
        List.of(
            good.replace("https://in-toto.io/Statement/v1", "https://in-toto.io/Statement/v0.1"),
            good.replace("\"name\" : \"a\"", "\"name\" : \"../a\""),
            good.replace("\"name\" : \"a\"", "\"name\" : \"model.sig\""),
            good.replace("\"name\" : \"a\"", "\"name\" : \"c\""),
            good.replace("\"allow_symlinks\" : false", "\"allow_symlinks\" : \"no\""),
            good.replace("\"algorithm\" : \"sha256\"", "\"algorithm\" : \"md5\""),
            good.replace(A, A.toUpperCase()),
            good.replace("\"" + A + "\"", "\"" + B + "\""),
            good.replace("\"method\" : \"files\"", "\"method\" : \"zip\""),
            good.replace("\"hash_type\" : \"sha256\"", "\"hash_type\" : \"sha1\""),
            good.replace("\"ignore_paths\" : [", "\"ignore_paths\" : [ \"*.tmp\", "),
            good.replace("\"method\" : \"files\"", "\"method\" : \"files\", \"shard_size\" : 10"));
    for (String statement : broken) {
      assertRefused(
          () -> ModelStatement.parse(statement.getBytes(StandardCharsets.UTF_8)),
          "SIGNATURE_INVALID");
    }
  }

  @Test
  void refusesShardsAndOtherHashesAsUnsupported() {
    String good =
        new String(
            ModelStatement.of("m", Map.of("a", A), List.of()).toJson(), StandardCharsets.UTF_8);
    assertRefused(
        () ->
            ModelStatement.parse(
                good.replace("\"method\" : \"files\"", "\"method\" : \"shards\"")
                    .getBytes(StandardCharsets.UTF_8)),
        "SIGNATURE_METHOD_UNSUPPORTED");
    assertRefused(
        () ->
            ModelStatement.parse(
                good.replace("\"hash_type\" : \"sha256\"", "\"hash_type\" : \"blake3\"")
                    .getBytes(StandardCharsets.UTF_8)),
        "SIGNATURE_METHOD_UNSUPPORTED");
  }
}
