package dev.cairn.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cairn.cli.CliRunner;
import dev.cairn.cli.ExitCodes;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 24, finding 3: text a registry hands back — descriptions, reasons, names, whoami, problem
 * codes and details — reaches a person's terminal without a single raw control character. Before,
 * {@code alias history} and {@code project list -o wide} printed ESC sequences that set the window
 * title and cleared the screen, C1 CSI (U+009B) and right-to-left overrides (U+202E) as stored, and
 * a lying registry got the same through {@code model list}, {@code -o name}, {@code model get},
 * {@code whoami} and the error line. Now every human line shows them as visible escapes ({@code
 * \u001B}, {@code \t}, {@code \n}); {@code -o json} and {@code -o yaml} keep the API's values
 * exactly.
 */
class CliOutputHostileTest {

  /** Sets the window title, clears the screen, starts a C1 CSI, flips the text, breaks the row. */
  static final String EVIL = "a\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202eb\tc\nd\re\u007f";

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final HostileSession hostile = new HostileSession("output");

  @BeforeEach
  void lyingRegistry() throws Exception {
    Map<String, Object> project = Map.of("name", "p", "description", EVIL, "created_by", EVIL);
    hostile.registry.json("/api/v1/projects", 200, page(project));
    Map<String, Object> model =
        Map.of(
            "name",
            "m" + EVIL,
            "state",
            "LIVE",
            "variants",
            List.of("v" + EVIL),
            "labels",
            Map.of("k" + EVIL, EVIL),
            "description",
            EVIL);
    hostile.registry.json("/api/v1/projects/p/models", 200, page(model));
    hostile.registry.json("/api/v1/projects/p/models/m", 200, JSON.writeValueAsString(model));
    hostile.registry.json(
        "/api/v1/whoami",
        200,
        JSON.writeValueAsString(
            Map.of("name", EVIL, "roles", List.of("admin" + EVIL), "projects", List.of("*"))));
    hostile.registry.json(
        "/api/v1/projects/p/models/m/aliases/production/history",
        200,
        page(
            Map.of(
                "generation",
                2,
                "pointers",
                Map.of("default", "v1" + EVIL),
                "action",
                "ALIAS_UPDATE",
                "actor",
                EVIL,
                "reason",
                EVIL,
                "approved_by",
                EVIL)));
    hostile.registry.json(
        "/api/v1/projects/p/models/broken",
        400,
        JSON.writeValueAsString(Map.of("code", "BAD" + EVIL, "detail", EVIL, "status", 400)));
  }

  @Test
  void aliasHistoryShowsReasonsAndActorsAsVisibleEscapes() {
    CliRunner.Result history = hostile.cli.run("alias", "history", "m", "production", "-o", "wide");

    assertThat(history.code()).as(history.err()).isZero();
    assertNoRawControls(history.out());
    assertThat(history.out().lines()).hasSize(2);
    assertThat(history.out())
        .contains("a\\u001B]0;pwned\\u0007\\u001B[2J\\u009B31m\\u202Eb\\tc\\nd\\re\\u007F");
  }

  @Test
  void projectListWideShowsDescriptionsAsVisibleEscapes() {
    CliRunner.Result list = hostile.cli.run("project", "list", "-o", "wide");

    assertThat(list.code()).as(list.err()).isZero();
    assertNoRawControls(list.out());
    assertThat(list.out().lines()).hasSize(2);
    assertThat(list.out()).contains("\\u001B]0;pwned").contains("\\u202E");
  }

  @Test
  void modelListTableAndNamesCarryNoRawControl() {
    CliRunner.Result table = hostile.cli.run("model", "list", "-o", "wide");
    CliRunner.Result names = hostile.cli.run("model", "list", "-o", "name");

    assertThat(table.code()).as(table.err()).isZero();
    assertNoRawControls(table.out());
    assertThat(table.out().lines()).hasSize(2);
    assertNoRawControls(names.out());
    assertThat(names.out()).startsWith("ma\\u001B]0;pwned").hasLineCount(1);
  }

  @Test
  void modelGetAndWhoamiCarryNoRawControl() {
    CliRunner.Result model = hostile.cli.run("model", "get", "m");
    CliRunner.Result whoami = hostile.cli.run("whoami");

    assertThat(model.code()).as(model.err()).isZero();
    assertNoRawControls(model.out());
    assertThat(model.out()).contains("ka\\u001B]0;pwned");
    assertThat(whoami.code()).as(whoami.err()).isZero();
    assertNoRawControls(whoami.out());
    assertThat(whoami.out()).contains("admina\\u001B]0;pwned");
  }

  @Test
  void problemCodeAndDetailReachStderrAsOneVisibleLine() {
    CliRunner.Result refused = hostile.cli.run("model", "get", "broken");

    assertThat(refused.code()).isEqualTo(ExitCodes.REFUSED);
    assertNoRawControls(refused.err());
    assertThat(refused.err())
        .startsWith("error: BADa\\u001B]0;pwned")
        .contains("\\u202Eb\\tc\\nd")
        .hasLineCount(1);
  }

  @Test
  void jsonAndYamlKeepTheApisTextExactly() throws Exception {
    CliRunner.Result json = hostile.cli.run("model", "get", "m", "-o", "json");
    CliRunner.Result yaml = hostile.cli.run("model", "get", "m", "-o", "yaml");

    assertThat(JSON.readTree(json.out()).path("description").asText()).isEqualTo(EVIL);
    JsonNode fromYaml = new YAMLMapper().readTree(yaml.out());
    assertThat(fromYaml.path("description").asText()).isEqualTo(EVIL);
    assertThat(fromYaml.path("name").asText()).isEqualTo("m" + EVIL);
  }

  @Test
  void theRealRegistryRefusesStoredEscapesAndTheRefusalIsShownSafely() {
    String project = TestRegistry.uniqueProject("escapes");
    CliRunner admin =
        new CliRunner(hostile.home)
            .withEnv("CAIRN_SERVER", TestRegistry.shared().uri().toString())
            .withEnv("CAIRN_TOKEN", TestTokens.ADMIN);

    CliRunner.Result refused = admin.run("project", "create", project, "--description", EVIL);

    assertThat(refused.code()).isEqualTo(ExitCodes.REFUSED);
    assertNoRawControls(refused.err());
    assertThat(refused.err()).startsWith("error: INVALID_TEXT:description").hasLineCount(1);
    assertThat(admin.run("project", "get", project).code()).isEqualTo(ExitCodes.NOT_FOUND);
  }

  private static String page(Map<String, Object> item) throws Exception {
    return JSON.writeValueAsString(Map.of("items", List.of(item)));
  }

  /** Nothing a terminal would act on: only the line breaks between rows, no other control. */
  static void assertNoRawControls(String printed) {
    assertThat(printed.codePoints().filter(c -> c != '\n').filter(CliOutputHostileTest::control))
        .as("raw control characters in %s", printed)
        .isEmpty();
  }

  private static boolean control(int c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == 0x061c
        || c == 0x200e
        || c == 0x200f
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }
}
