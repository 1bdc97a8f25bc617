package dev.cairn.registry.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.Failure;
import dev.cairn.client.model.RuntimeRequirement;
import dev.cairn.client.model.Validation;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Each change of {@link VersionChange} changes exactly the fields it names and carries every other
 * one of the 21 over, compared component by component so a field added to {@link Version} is
 * covered too.
 */
class VersionChangeTest {

  private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");
  private static final Validation PASSED = new Validation("PASSED", "PASSED", Map.of("load", "ok"));
  private static final Failure CHANGED = new Failure("CHECKSUM_MISMATCH", "changed");

  @Test
  void anEditChangesTheStateAndTheEditableFieldsOnly() {
    Version ready = row("READY", "sha256:aa", null, CREATED);
    Version edited =
        VersionChange.edited(ready, VersionState.ARCHIVED, Map.of("team", "ink"), "n2", "d2");
    assertThat(changed(ready, edited)).containsExactly("description", "labels", "notes", "state");
    assertThat(edited.labels()).isEqualTo(Map.of("team", "ink"));
  }

  @Test
  void aCompletionChangesTheStateBytesValidationAndReadyTimeOnly() {
    Version pending = row("PENDING", null, null, null);
    Version ready = VersionChange.completed(pending, "sha256:bb", 9L, PASSED, null, AT);
    assertThat(changed(pending, ready))
        .containsExactly("digest", "readyAt", "sizeBytes", "state", "validation");

    Version refused = VersionChange.completed(pending, "sha256:bb", 9L, PASSED, CHANGED, AT);
    assertThat(changed(pending, refused))
        .containsExactly("digest", "failure", "sizeBytes", "state", "validation");
    assertThat(refused.readyAt()).isNull();
  }

  @Test
  void aJudgementChangesTheStateFailureAndValidationOnly() {
    Version ready = row("READY", "sha256:aa", null, CREATED);
    Version failed = VersionChange.failed(ready, CHANGED, PASSED);
    assertThat(changed(ready, failed)).containsExactly("failure", "state", "validation");

    Version recovered = VersionChange.recovered(failed, PASSED);
    assertThat(changed(failed, recovered)).containsExactly("failure", "state");
    assertThat(recovered.failure()).isNull();
  }

  /** The names of the components that differ between {@code before} and {@code after}. */
  private static Set<String> changed(Version before, Version after) {
    Set<String> names = new TreeSet<>();
    try {
      for (RecordComponent component : Version.class.getRecordComponents()) {
        Object was = component.getAccessor().invoke(before);
        Object is = component.getAccessor().invoke(after);
        if (!Objects.equals(was, is)) {
          names.add(component.getName());
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    return names;
  }

  /** A row with a distinct value in every field, so a dropped or swapped field shows. */
  private static Version row(String state, String digest, Failure failure, Instant readyAt) {
    return new Version(
        "id-1",
        "ink",
        "v1",
        "HIGH",
        state,
        "onnx",
        new RuntimeRequirement("onnxruntime", "1.17"),
        digest,
        digest == null ? null : 3L,
        List.of(new VersionFile("model.onnx", "ab".repeat(32), 3L, "upload", null, true)),
        Map.of("m", 1),
        Map.of("p", "git"),
        new Validation("PASSED", "PENDING", Map.of()),
        Map.of("team", "paper"),
        "n1",
        "d1",
        List.of("production"),
        failure,
        CREATED,
        "alice",
        readyAt,
        null);
  }
}
