package dev.cairn.registry.version;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 1: {@code format: "onxx"} with garbage bytes became READY unvalidated. Formats
 * now come from a catalogue; an unknown one is 400 {@code UNKNOWN_FORMAT} naming the closest, and
 * an opaque format's validation says that no load was attempted.
 */
class FormatCatalogueTest {

  private final TestRegistry registry = TestRegistry.shared();

  @Test
  void aTypoIsRefusedWithTheClosestKnownFormat() throws Exception {
    String project = TestRegistry.uniqueProject("formats");
    var admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));
    String body =
        "{\"format\":\"onxx\",\"files\":[{\"path\":\"model.onnx\",\"sha256\":\""
            + "a".repeat(64)
            + "\",\"size_bytes\":7}]}";

    var res =
        registry
            .http()
            .post("/api/v1/projects/" + project + "/models/m/versions", TestTokens.ADMIN, body);

    assertThat(res.statusCode()).isEqualTo(400);
    JsonNode problem = new ObjectMapper().readTree(res.body());
    assertThat(problem.get("code").asText()).isEqualTo("UNKNOWN_FORMAT");
    assertThat(problem.get("detail").asText()).contains("did you mean 'onnx'");
    assertThat(problem.get("closest").asText()).isEqualTo("onnx");
  }

  @Test
  void anOpaqueFormatShowsThatNothingWasLoaded() {
    String project = TestRegistry.uniqueProject("opaque");
    var admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));

    Version ready = Versions.ready(admin, project, "m", "default", "opaque bytes", "custom");

    assertThat(ready.format()).isEqualTo("custom");
    assertThat(ready.validation().load()).isEqualTo("NOT_APPLICABLE");
  }

  @Test
  void distanceCountsSingleCharacterEdits() {
    assertThat(Formats.distance("onnx", "onxx")).isEqualTo(1);
    assertThat(Formats.distance("pytorch", "pytroch")).isEqualTo(2);
    assertThat(Formats.distance("gguf", "gguf")).isZero();
  }
}
