package dev.cairn.registry.hostile;

import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpResponse;

/**
 * The requests both OCI import suites send: a publisher's import POST, its JSON body with or
 * without source credentials, and a fresh project with an empty model to import into.
 */
final class OciImports {

  private OciImports() {}

  static HttpResponse<String> post(TestRegistry registry, String versions, String body) {
    return registry.http().post(versions, TestTokens.PUBLISHER, body);
  }

  static String body(String source) {
    return "{\"source\":\"" + source.replace("\"", "\\\"") + "\"}";
  }

  static String withCredentials(String source, String user, String password) {
    return "{\"source\":\""
        + source
        + "\",\"source_credentials\":{\"username\":\""
        + user
        + "\",\"password\":\""
        + password
        + "\"}}";
  }

  /** A new project with model m; returns the path of its versions. */
  static String model(TestRegistry registry) {
    String project = TestRegistry.uniqueProject("oci-hostile");
    var admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));
    return "/api/v1/projects/" + project + "/models/m/versions";
  }
}
