package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.blob.FileBlobStore;
import dev.cairn.registry.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code cairn} command line against a real registry (issue 15): contexts, the resource
 * commands, push/pull with their integrity checks, and the exit codes of spec 75-cli.
 */
class CliTest extends LoggedInCli {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void loginKeepsTheTokenOutOfTheConfigAndReadableByItsOwnerOnly() throws Exception {
    Path config = cli.configDir().resolve("config.yaml");
    Path token = cli.configDir().resolve("tokens").resolve("test");

    assertThat(Files.readString(config))
        .contains(registry.uri().toString())
        .doesNotContain(TestTokens.ADMIN);
    assertThat(Files.readString(token).strip()).isEqualTo(TestTokens.ADMIN);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
        .isEqualTo("rw-------");
    assertThat(cli.run("context", "list").out()).contains("*").contains("test").contains(project);
    CliRunner.Result refused =
        new CliRunner(work)
            .runWithInput("not-a-token\n", "login", registry.uri().toString(), "--token-stdin");
    assertThat(refused.code()).isEqualTo(ExitCodes.REFUSED);
    assertThat(refused.err()).startsWith("error: UNAUTHENTICATED");
  }

  @Test
  void jsonOutputIsTheApisObject() throws Exception {
    cli.run(
        "model", "create", "ink", "--variant", "LOW", "--variant", "HIGH", "--label", "sku=SKU001");

    CliRunner.Result json = cli.run("model", "get", "ink", "-o", "json");
    String api =
        registry.http().get("/api/v1/projects/" + project + "/models/ink", TestTokens.ADMIN).body();

    assertThat(JSON.readTree(json.out())).isEqualTo(JSON.readTree(api));
    assertThat(cli.run("model", "list", "-o", "name").out()).isEqualTo("ink\n");
    assertThat(cli.run("model", "list").out())
        .startsWith("NAME")
        .contains("LOW,HIGH")
        .contains("sku=SKU001");
    assertThat(cli.run("model", "get", "ink", "-o", "yaml").out())
        .contains("name: \"ink\"")
        .contains("default_variant: \"LOW\"");
  }

  @Test
  void pushPullAndActivateKeepTheBytesAndTheirDigest() throws Exception {
    cli.run("model", "create", "scorer");
    Path dir = Files.createDirectories(work.resolve("artifacts/sub"));
    Files.writeString(dir.getParent().resolve("model.bin"), "weights of the scorer");
    Files.writeString(dir.resolve("config.json"), "{\"layers\":2}");

    CliRunner.Result push = cli.run("version", "push", "scorer", dir.getParent().toString());
    assertThat(push.code()).as(push.err()).isZero();
    assertThat(push.out()).contains("v1").contains("READY").contains("digest sha256:");

    Path pulled = work.resolve("pulled");
    assertThat(cli.run("version", "pull", "scorer", "v1", pulled.toString()).code()).isZero();
    assertThat(Files.readString(pulled.resolve("model.bin"))).isEqualTo("weights of the scorer");
    assertThat(Files.readString(pulled.resolve("sub/config.json"))).isEqualTo("{\"layers\":2}");

    CliRunner.Result activate =
        cli.run("activate", "scorer", "--version", "v1", "--reason", "first");
    assertThat(activate.code()).as(activate.err()).isZero();
    assertThat(activate.out()).contains("production: (none) -> {default=v1}");
    assertThat(cli.run("resolve", "scorer@production").out()).contains("v1");
    CliRunner.Result waited =
        cli.run(
            "activate",
            "scorer",
            "--version",
            "v1",
            "--reason",
            "again",
            "--wait",
            "--timeout",
            "1");
    assertThat(waited.code()).isEqualTo(ExitCodes.TIMEOUT);
    assertThat(waited.out()).contains("serving 0/0");
  }

  @Test
  void aPushResumesAPendingVersionAndADigestMismatchExitsThree() throws Exception {
    cli.run("model", "create", "resumed");
    Path a = Files.writeString(work.resolve("a.bin"), "first file");
    Path b = Files.writeString(work.resolve("b.bin"), "second file");
    CairnClient admin = registry.client(TestTokens.ADMIN);
    admin
        .versions()
        .create(
            project,
            "resumed",
            VersionCreate.ofFormat("generic")
                .named("v7")
                .withFiles(
                    List.of(
                        new FileDeclaration("a.bin", sha(a), Files.size(a), null),
                        new FileDeclaration("b.bin", sha(b), Files.size(b), null))));
    admin.versions().upload(project, "resumed", "v7", "a.bin", a, sha(a));

    CliRunner.Result resumed =
        cli.run("version", "push", "resumed", a.toString(), b.toString(), "--name", "v7");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("READY");

    admin
        .versions()
        .create(
            project,
            "resumed",
            VersionCreate.ofFormat("generic")
                .named("v8")
                .withFiles(
                    List.of(new FileDeclaration("a.bin", "0".repeat(64), Files.size(a), null))));
    CliRunner.Result mismatch = cli.run("version", "push", "resumed", a.toString(), "--name", "v8");
    assertThat(mismatch.code()).isEqualTo(ExitCodes.INTEGRITY);
    assertThat(mismatch.err()).startsWith("error: CHECKSUM_MISMATCH");
  }

  @Test
  void aTamperedDownloadExitsThree() throws Exception {
    cli.run("model", "create", "tampered");
    Path file = Files.writeString(work.resolve("w.bin"), "bytes that will be changed");
    cli.run("version", "push", "tampered", file.toString());
    String sha = sha(file);
    Files.writeString(
        FileBlobStore.open(registry.dataDir().resolve("blobs")).path(sha),
        "BYTES THAT WILL BE CHANGED");

    CliRunner.Result pull =
        cli.run("version", "pull", "tampered", "v1", work.resolve("out").toString());

    assertThat(pull.code()).isEqualTo(ExitCodes.INTEGRITY);
    assertThat(pull.err()).startsWith("error: CHECKSUM_MISMATCH").doesNotContain("\tat ");
  }

  @Test
  void exitCodesNameEachClassOfFailure() {
    assertThat(cli.run("model", "get", "--no-such-flag").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.run("model").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.run("model", "get", "missing").code()).isEqualTo(ExitCodes.NOT_FOUND);
    CliRunner reader = new CliRunner(work).withEnv("CAIRN_TOKEN", TestTokens.READER);
    CliRunner.Result forbidden =
        reader.run("model", "create", "x", "-p", project, "--server", registry.uri().toString());
    assertThat(forbidden.code()).as(forbidden.err()).isEqualTo(ExitCodes.REFUSED);
    assertThat(forbidden.err()).startsWith("error: FORBIDDEN");
    CliRunner.Result down = cli.run("model", "list", "--server", "http://127.0.0.1:1");
    assertThat(down.code()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(cli.run("--help").out()).contains("Exit codes: 0 success");
  }

  @Test
  void tokenCreatePrintsATokenAndItsHashedEntry() throws Exception {
    CliRunner.Result created = cli.run("token", "create", "--name", "ci", "--role", "publisher");
    String token =
        created.out().lines().findFirst().orElseThrow().replace("token (shown once): ", "");

    assertThat(created.out())
        .contains(
            "  sha256: \""
                + HexFormat.of()
                    .formatHex(
                        MessageDigest.getInstance("SHA-256")
                            .digest(token.getBytes(StandardCharsets.UTF_8)))
                + "\"");
    assertThat(created.out())
        .contains("roles:\n  - \"publisher\"")
        .contains("projects:\n  - \"*\"");
    assertThat(cli.run("completion").out()).contains("complete -F");
  }

  private static String sha(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
