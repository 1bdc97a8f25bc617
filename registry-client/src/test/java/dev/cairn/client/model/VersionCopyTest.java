package dev.cairn.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Each {@code withX} of the wire record {@link Version} changes what it names and keeps the other
 * twenty-one components: the server builds every answer's files, aliases and signature status
 * through them, and one dropped component would vanish from the API's JSON.
 */
class VersionCopyTest {

  private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");
  private static final Version SIGNED =
      new Version(
          "id-1",
          "ink",
          "v1",
          "HIGH",
          Version.State.READY.wire(),
          "onnx",
          new RuntimeRequirement("onnxruntime", "1.17", 17),
          "sha256:" + "a".repeat(64),
          3L,
          List.of(new VersionFile("model.onnx", "b".repeat(64), 3L, "upload", null, true)),
          Map.of("m", 1),
          Map.of("p", "git"),
          new Validation("PASSED", "PASSED", Map.of()),
          Map.of("team", "paper"),
          "notes",
          "description",
          List.of("production"),
          new Failure("X", "y"),
          AT,
          "alice",
          AT,
          new VersionSignature("key", "ci", AT, true));

  @Test
  void eachCopyChangesOnlyWhatItNames() throws Exception {
    assertChanged(v -> v.withFiles(List.of()), "files");
    assertChanged(v -> v.withAliases(List.of("canary")), "aliases");
    assertChanged(v -> v.withSignature(null), "signature");
    assertThat(SIGNED.withSignature(null).withSignature(SIGNED.signature())).isEqualTo(SIGNED);
  }

  @Test
  void copiesHoldTheirListsUnmodifiable() {
    List<String> aliases = new ArrayList<>(List.of("canary"));
    Version copy = SIGNED.withAliases(aliases);
    aliases.add("later");
    assertThat(copy.aliases()).containsExactly("canary");
  }

  private static void assertChanged(UnaryOperator<Version> copy, String... names) throws Exception {
    Version changed = copy.apply(SIGNED);
    List<String> differ = new ArrayList<>();
    for (RecordComponent c : Version.class.getRecordComponents()) {
      if (!Objects.equals(c.getAccessor().invoke(SIGNED), c.getAccessor().invoke(changed))) {
        differ.add(c.getName());
      }
    }
    assertThat(differ).containsExactlyInAnyOrder(names);
  }
}
