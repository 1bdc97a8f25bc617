package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.signing.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code version sign}, {@code version verify --signature} and {@code trust …} against a live
 * registry (issue 28 item 6): the CLI signs with a local key, the registry accepts the bundle
 * against the project's trust policy, and a later verify here downloads bundle, policy and bytes.
 */
class CliSignatureTest extends LoggedInCli {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void trustAddKeySignUploadAndVerifyFromTheRegistry() throws Exception {
    Path key = Files.writeString(work.resolve("ci.pem"), EcKeyPairTest.resource("p256-sec1.pem"));
    Path pub = Files.writeString(work.resolve("ci.pub"), EcKeyPairTest.resource("p256-pub.pem"));
    String hint = Pem.hint(Pem.publicKey(EcKeyPairTest.resource("p256-pub.pem")));
    Path model = Files.createDirectories(work.resolve("model"));
    Files.writeString(model.resolve("w.bin"), "signed weights");
    assertThat(cli.run("model", "create", "signed").code()).isZero();
    assertThat(cli.run("version", "push", "signed", model.resolve("w.bin").toString()).code())
        .isZero();

    CliRunner.Result added = cli.run("trust", "add-key", "ci", pub.toString());
    CliRunner.Result signed =
        cli.run(
            "version", "sign", "signed", "v1", "--key", key.toString(), "--dir", model.toString());
    CliRunner.Result verified =
        cli.run("version", "verify", "signed", "v1", "--signature", "-o", "json");
    CliRunner.Result policy = cli.run("trust", "get", "-o", "json");

    assertThat(added.code()).as(added.err()).isZero();
    assertThat(added.out()).contains("ci").contains(hint);
    assertThat(signed.code()).as(signed.err()).isZero();
    assertThat(signed.out()).contains("key").contains(hint);
    assertThat(model.resolve("model.sig")).exists();
    assertThat(verified.code()).as(verified.err()).isZero();
    JsonNode ok = JSON.readTree(verified.out());
    assertThat(ok.path("signer").asText()).isEqualTo(hint);
    assertThat(ok.path("trusted_as").asText()).isEqualTo("ci");
    assertThat(ok.path("trust").asText()).startsWith("project trust policy v");
    assertThat(JSON.readTree(policy.out()).path("keys").get(0).path("hint").asText())
        .isEqualTo(hint);
  }

  @Test
  void aSignatureDownloadedAndHashedWithoutDirAndAKeyFromStdin() throws Exception {
    Path pub = Files.writeString(work.resolve("ci.pub"), EcKeyPairTest.resource("p384-pub.pem"));
    Path weights = Files.writeString(work.resolve("w.bin"), "weights hashed as they download");
    assertThat(cli.run("model", "create", "dl").code()).isZero();
    assertThat(cli.run("version", "push", "dl", weights.toString()).code()).isZero();
    assertThat(cli.run("trust", "add-key", "p384", pub.toString()).code()).isZero();
    Path out = work.resolve("out.sig");

    CliRunner.Result signed =
        cli.runWithInput(
            EcKeyPairTest.resource("p384-pkcs8.pem"),
            "version",
            "sign",
            "dl",
            "v1",
            "--key",
            "-",
            "--out",
            out.toString());
    CliRunner.Result again =
        cli.run(
            "version",
            "verify",
            "dl",
            "v1",
            "--signature",
            out.toString(),
            "--key",
            pub.toString());

    assertThat(signed.code()).as(signed.err()).isZero();
    assertThat(out).exists();
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("key").contains("ci.pub"); // --key trust is named by its file
  }

  @Test
  void anUnsignedVersionAndARemovedKeyEachFailVerifyWithTheirCode() throws Exception {
    Path key = Files.writeString(work.resolve("ci.pem"), EcKeyPairTest.resource("p256-sec1.pem"));
    Path pub = Files.writeString(work.resolve("ci.pub"), EcKeyPairTest.resource("p256-pub.pem"));
    Path weights = Files.writeString(work.resolve("w.bin"), "weights, later untrusted");
    assertThat(cli.run("model", "create", "gone").code()).isZero();
    assertThat(cli.run("version", "push", "gone", weights.toString()).code()).isZero();
    assertThat(cli.run("version", "push", "gone", weights.toString(), "--name", "v2").code())
        .isZero();

    CliRunner.Result unsigned = cli.run("version", "verify", "gone", "v1", "--signature");
    assertThat(cli.run("trust", "add-key", "ci", pub.toString()).code()).isZero();
    assertThat(
            cli.run(
                    "version",
                    "sign",
                    "gone",
                    "v1",
                    "--key",
                    key.toString(),
                    "--out",
                    work.resolve("m.sig").toString())
                .code())
        .isZero();
    CliRunner.Result removed = cli.run("trust", "remove-key", "ci");
    CliRunner.Result untrusted = cli.run("version", "verify", "gone", "v1", "--signature");
    CliRunner.Result noSuchKey = cli.run("trust", "remove-key", "ci");

    assertThat(unsigned.code()).isEqualTo(ExitCodes.INTEGRITY);
    assertThat(unsigned.err()).startsWith("error: SIGNATURE_NOT_FOUND");
    assertThat(removed.code()).as(removed.err()).isZero();
    assertThat(untrusted.code()).isEqualTo(ExitCodes.INTEGRITY);
    assertThat(untrusted.err()).startsWith("error: SIGNATURE_UNTRUSTED");
    assertThat(noSuchKey.code()).isEqualTo(ExitCodes.NOT_FOUND);
  }

  @Test
  void aSignatureOverOtherFilesIsRefusedByTheRegistryAndNothingIsStored() throws Exception {
    Path key = Files.writeString(work.resolve("ci.pem"), EcKeyPairTest.resource("p256-sec1.pem"));
    Path pub = Files.writeString(work.resolve("ci.pub"), EcKeyPairTest.resource("p256-pub.pem"));
    Path model = Files.createDirectories(work.resolve("model"));
    Files.writeString(model.resolve("w.bin"), "registered weights");
    assertThat(cli.run("model", "create", "other").code()).isZero();
    assertThat(cli.run("version", "push", "other", model.resolve("w.bin").toString()).code())
        .isZero();
    assertThat(cli.run("trust", "add-key", "ci", pub.toString()).code()).isZero();
    Files.writeString(model.resolve("w.bin"), "weights changed after the push");

    CliRunner.Result refused =
        cli.run(
            "version", "sign", "other", "v1", "--key", key.toString(), "--dir", model.toString());

    assertThat(refused.code()).isEqualTo(ExitCodes.REFUSED);
    assertThat(refused.err()).startsWith("error: SIGNATURE_MISMATCH:w.bin");
    assertThat(cli.run("version", "verify", "other", "v1", "--signature").err())
        .startsWith("error: SIGNATURE_NOT_FOUND");
  }

  @Test
  void trustSetTakesAYamlDocumentAndRefusesAMisspeltMember() throws Exception {
    Path policy =
        Files.writeString(
            work.resolve("policy.yaml"),
            "keys:\n  - name: yaml-key\n    pem: |\n"
                + EcKeyPairTest.resource("p256-pub.pem").indent(6)
                + "roots: []\nidentities:\n  - san: me@example.com\n    issuer: https://accounts.example\n");
    Path typo = Files.writeString(work.resolve("typo.json"), "{\"keyz\": []}");

    CliRunner.Result set = cli.run("trust", "set", policy.toString());
    CliRunner.Result refused = cli.run("trust", "set", typo.toString());
    CliRunner.Result after = cli.run("trust", "get");

    assertThat(set.code()).as(set.err()).isZero();
    assertThat(after.out()).contains("yaml-key").contains("me@example.com");
    assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains("unknown member 'keyz'");
  }
}
