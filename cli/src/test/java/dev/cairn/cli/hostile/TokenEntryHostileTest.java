package dev.cairn.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cairn.cli.CliRunner;
import dev.cairn.cli.ExitCodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, finding 15: {@code token create} wrote its tokens-file entry by pasting strings, so a
 * newline in {@code --name} added entries of the caller's choosing (an admin token among them), and
 * any word was accepted as a role. Now names, roles and projects are checked before a token is
 * made, and the entry is YAML written by the library: it parses back to exactly one entry.
 */
class TokenEntryHostileTest {

  private final Path home = ScratchDir.create("token");

  @Test
  void aNewlineInTheNameCannotAddAnEntry() {
    CliRunner.Result injected =
        new CliRunner(home)
            .run(
                "token",
                "create",
                "--name",
                "ci\n  - name: evil\n    sha256: " + "0".repeat(64) + "\n    roles: [admin]",
                "--role",
                "reader");

    assertThat(injected.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(injected.out()).isEmpty();
    assertThat(injected.err()).hasLineCount(1).contains("--name");
  }

  @Test
  void rolesAndProjectsOutsideTheRulesAreRefused() {
    CliRunner cli = new CliRunner(home);

    CliRunner.Result role = cli.run("token", "create", "--name", "ci", "--role", "admin]");
    CliRunner.Result unknown = cli.run("token", "create", "--name", "ci", "--role", "root");
    CliRunner.Result project =
        cli.run("token", "create", "--name", "ci", "--role", "reader", "-p", "qc\"]\n- x");

    assertThat(List.of(role, unknown, project))
        .allSatisfy(
            r -> {
              assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
              assertThat(r.out()).isEmpty();
            });
    assertThat(unknown.err()).contains("reader, publisher, approver, admin");
  }

  @Test
  void theEntryParsesBackToOneEntryWithTheTokensHash() throws Exception {
    CliRunner.Result created =
        new CliRunner(home)
            .run(
                "token",
                "create",
                "--name",
                "ci-publisher",
                "--role",
                "publisher",
                "-p",
                "qc",
                "-p",
                "risk");
    String token =
        created.out().lines().findFirst().orElseThrow().replace("token (shown once): ", "");
    String entry = created.out().substring(created.out().indexOf("tokens-file entry:\n") + 19);

    assertThat(created.code()).as(created.err()).isZero();
    JsonNode entries = new YAMLMapper().readTree("tokens:\n" + entry).path("tokens");
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).path("name").asText()).isEqualTo("ci-publisher");
    assertThat(entries.get(0).path("sha256").asText()).isEqualTo(sha256(token));
    assertThat(entries.get(0).path("roles").toString()).isEqualTo("[\"publisher\"]");
    assertThat(entries.get(0).path("projects").toString()).isEqualTo("[\"qc\",\"risk\"]");
  }

  private static String sha256(String token) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
  }
}
