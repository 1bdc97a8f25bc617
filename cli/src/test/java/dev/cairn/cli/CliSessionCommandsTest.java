package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.registry.testing.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** whoami, context add|remove, alias delete, events watch, and -o json as the API's own objects. */
class CliSessionCommandsTest extends LoggedInCli {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void whoamiNamesTheCallerItsRolesAndProjects() {
    CliRunner.Result whoami = cli.run("whoami");

    assertThat(whoami.out()).startsWith("NAME").contains("bootstrap-admin").contains("admin");
    CliRunner.Result reader =
        new CliRunner(work)
            .withEnv("CAIRN_TOKEN", TestTokens.READER)
            .run("whoami", "--server", registry.uri().toString(), "-o", "name");
    assertThat(reader.out()).isEqualTo("reader\n");
  }

  @Test
  void verboseTracesEachRequestWithoutItsCredentials() {
    CliRunner.Result traced = cli.run("whoami", "--verbose");

    assertThat(traced.err())
        .startsWith("> GET " + registry.uri() + "/api/v1/whoami -> 200 (")
        .doesNotContain(TestTokens.ADMIN);
    assertThat(cli.run("whoami").err()).isEmpty();
  }

  @Test
  void contextsAreAddedWithoutSwitchingAndRemovedWithoutTouchingAForeignTokenFile()
      throws Exception {
    Path token = Files.writeString(work.resolve("reader-token"), TestTokens.READER + "\n");

    CliRunner.Result added =
        cli.run(
            "context",
            "add",
            "readonly",
            "--server",
            registry.uri().toString(),
            "--token-file",
            token.toString(),
            "-p",
            project);

    assertThat(added.code()).as(added.err()).isZero();
    assertThat(cli.run("context", "list").out())
        .containsPattern("(?m)^\\* +test")
        .contains("readonly");
    assertThat(cli.run("whoami", "--context", "readonly", "-o", "name").out())
        .isEqualTo("reader\n");
    assertThat(cli.run("context", "remove", "readonly").code()).isZero();
    assertThat(cli.run("context", "list").out()).doesNotContain("readonly");
    assertThat(token).exists();
    assertThat(cli.run("context", "remove", "readonly").code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(cli.run("context", "add", "x").code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void anAliasIsDeletedAndThenNotFound() throws Exception {
    cli.run("model", "create", "m");
    Path file = Files.writeString(work.resolve("w.bin"), "weights");
    cli.run("version", "push", "m", file.toString());
    cli.run("alias", "set", "m", "staging", "--version", "v1", "--reason", "try");

    CliRunner.Result deleted = cli.run("alias", "delete", "m", "staging");

    assertThat(deleted.code()).as(deleted.err()).isZero();
    assertThat(cli.run("alias", "get", "m", "staging").code()).isEqualTo(ExitCodes.NOT_FOUND);
  }

  @Test
  void eventsArePrintedOneJsonObjectPerLine() throws Exception {
    cli.run("model", "create", "watched");
    cli.run("model", "create", "other");

    CliRunner.Result watched =
        cli.run(
            "events",
            "watch",
            "--after",
            "0",
            "--type",
            "model.created",
            "--count",
            "2",
            "--timeout",
            "20");

    assertThat(watched.code()).as(watched.err()).isZero();
    var lines = watched.out().lines().map(this::tree).toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).path("type").asText()).isEqualTo("model.created");
    assertThat(lines.get(0).path("data").path("model").asText()).isEqualTo("watched");
    CliRunner.Result quiet =
        cli.run("events", "watch", "--model", "nothing-happens", "--count", "1", "--timeout", "1");
    assertThat(quiet.code()).isEqualTo(ExitCodes.TIMEOUT);
  }

  /** Golden: {@code -o json} of each read command is byte for byte the API's object (as JSON). */
  @ParameterizedTest
  @CsvSource({
    "whoami, /api/v1/whoami",
    "project get {p}, /api/v1/projects/{p}",
    "version get g v1, /api/v1/projects/{p}/models/g/versions/v1",
    "alias get g production, /api/v1/projects/{p}/models/g/aliases/production",
    "model status g, /api/v1/projects/{p}/models/g/status?alias=production"
  })
  void jsonOutputIsTheApisObject(String command, String path) throws Exception {
    cli.run("model", "create", "g");
    Path file = Files.writeString(work.resolve("g.bin"), "golden weights");
    cli.run("version", "push", "g", file.toString());
    cli.run("activate", "g", "--version", "v1", "--reason", "golden");

    String[] args = (command.replace("{p}", project) + " -o json").split(" ");
    String api = registry.http().get(path.replace("{p}", project), TestTokens.ADMIN).body();

    assertThat(tree(cli.run(args).out())).isEqualTo(tree(api));
  }

  private JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
