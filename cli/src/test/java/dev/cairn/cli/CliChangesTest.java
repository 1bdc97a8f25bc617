package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The version changes, instances, audit and standards commands against a real registry. */
class CliChangesTest extends LoggedInCli {

  @Test
  void versionsAreValidatedAnnotatedArchivedAndDeleted() throws Exception {
    cli.run("model", "create", "m");
    Path file = Files.writeString(work.resolve("w.bin"), "weights");
    assertThat(cli.run("version", "push", "m", file.toString()).code()).isZero();
    assertThat(cli.run("version", "push", "m", file.toString(), "--name", "v2").code()).isZero();

    assertThat(cli.run("version", "validate", "m", "v1").out()).contains("PASSED");
    assertThat(cli.run("version", "notes", "m", "v1", "checked by hand", "-o", "json").out())
        .contains("\"notes\" : \"checked by hand\"");
    assertThat(cli.run("version", "archive", "m", "v1").out()).contains("ARCHIVED");
    assertThat(cli.run("version", "delete", "m", "v2").code()).isZero();
    assertThat(cli.run("version", "get", "m", "v2").code()).isEqualTo(ExitCodes.NOT_FOUND);
  }

  @Test
  void theAuditLogShowsWhatTheCommandsDid() {
    cli.run("model", "create", "audited");

    CliRunner.Result log = cli.run("audit", "log", "--action", "MODEL_CREATE");
    assertThat(log.code()).isZero();
    assertThat(log.out()).startsWith("SEQ").contains("MODEL_CREATE").contains("audited");
    assertThat(cli.run("audit", "verify").out()).contains("true");
    assertThat(cli.run("instances", "list").out()).startsWith("INSTANCE");
  }
}
