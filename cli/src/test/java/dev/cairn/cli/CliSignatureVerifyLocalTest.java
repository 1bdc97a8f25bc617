package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.signing.ModelFiles;
import dev.cairn.signing.ModelSigner;
import dev.cairn.signing.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code version verify --signature FILE --key PEM --dir DIR}: everything local, so no registry is
 * called (the server flag points at a closed port on purpose).
 */
class CliSignatureVerifyLocalTest {

  @TempDir Path home;
  @TempDir Path work;
  CliRunner cli;
  Path model;
  Path signature;
  Path publicKey;
  KeyPair pair;

  @BeforeEach
  void signedModel() throws Exception {
    cli = new CliRunner(home);
    model = Files.createDirectories(work.resolve("model"));
    Files.writeString(model.resolve("w.bin"), "weights");
    Files.createDirectories(model.resolve("cfg"));
    Files.writeString(model.resolve("cfg/config.json"), "{}");
    pair = EcKeyPair.read(EcKeyPairTest.resource("p256-sec1.pem"), "test");
    signature = model.resolve("model.sig");
    Files.write(
        signature,
        new ModelSigner(pair.getPrivate(), pair.getPublic())
            .sign("m", ModelFiles.sha256(model), List.of()));
    publicKey = Files.writeString(work.resolve("pub.pem"), EcKeyPairTest.resource("p256-pub.pem"));
  }

  @Test
  void aGoodSignatureVerifiesAndNamesItsSignerAsJson() throws Exception {
    CliRunner.Result ok = verify(publicKey, "-o", "json");

    assertThat(ok.code()).as(ok.err()).isZero();
    JsonNode answer = new ObjectMapper().readTree(ok.out());
    assertThat(answer.path("method").asText()).isEqualTo("key");
    assertThat(answer.path("signer").asText()).isEqualTo(Pem.hint(pair.getPublic()));
    assertThat(answer.path("trusted_as").asText()).isEqualTo("pub.pem");
    assertThat(answer.path("files").asInt()).isEqualTo(2);
  }

  @Test
  void aChangedFileExitsThreeWithTheMismatchCodeOnOneLine() throws Exception {
    Files.writeString(model.resolve("w.bin"), "weights, changed");

    CliRunner.Result refused = verify(publicKey);

    assertThat(refused.code()).isEqualTo(ExitCodes.INTEGRITY);
    assertThat(refused.err()).startsWith("error: SIGNATURE_MISMATCH:w.bin");
    assertThat(refused.err().strip().lines()).hasSize(1);
  }

  @Test
  void anotherKeyIsUntrustedAndAnExtraFileIsAMismatch() throws Exception {
    Path other =
        Files.writeString(work.resolve("other.pem"), EcKeyPairTest.resource("p384-pub.pem"));
    CliRunner.Result untrusted = verify(other);
    Files.writeString(model.resolve("extra.txt"), "not signed");
    CliRunner.Result extra = verify(publicKey);

    assertThat(untrusted.code()).isEqualTo(ExitCodes.INTEGRITY);
    assertThat(untrusted.err()).startsWith("error: SIGNATURE_UNTRUSTED");
    assertThat(extra.err()).startsWith("error: SIGNATURE_MISMATCH:extra.txt");
  }

  @Test
  void aKeyFileWithoutAPublicKeyIsAUsageError() throws Exception {
    Path notAKey = Files.writeString(work.resolve("nokey.pem"), "hello");

    CliRunner.Result refused = verify(notAKey);

    assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains("holds no PEM public key");
  }

  private CliRunner.Result verify(Path key, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "version",
                "verify",
                "m",
                "v1",
                "--signature",
                signature.toString(),
                "--key",
                key.toString(),
                "--dir",
                model.toString(),
                "--server",
                "http://127.0.0.1:9",
                "-p",
                "local"));
    args.addAll(List.of(more));
    return cli.run(args.toArray(String[]::new));
  }
}
