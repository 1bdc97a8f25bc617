package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.model.Version;
import dev.cairn.signing.ModelSigner;
import dev.cairn.signing.SignatureRefusal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code version sign M V --key ec.pem}: an OMS v1.0 {@code model.sig} (method {@code key}) over
 * the version's files, hashed here from {@code --dir} or from the downloaded bytes, written to disk
 * and uploaded. The private key is read from a file or stdin and never leaves this process: only
 * the bundle (public key hint, signature, statement) is sent.
 */
@Command(
    name = "sign",
    description =
        "Sign a version's files (OMS model.sig, ECDSA key), write model.sig and upload it.")
final class SignCommand extends CliCommand {

  static final List<Output.Column> COLUMNS =
      List.of(
          Output.Column.of("METHOD", "method"),
          Output.Column.of("SIGNER", "signer"),
          Output.Column.of("TRUSTED", "trusted"),
          Output.Column.wide("VERIFIED", "verified_at"));

  @Parameters(index = "0")
  String model;

  @Parameters(index = "1")
  String version;

  @Option(
      names = "--key",
      required = true,
      description = "ECDSA private key PEM (PKCS#8 or SEC1, unencrypted); - reads stdin.")
  String key;

  @Option(
      names = "--dir",
      description = "Hash the files here (the version's files) instead of downloading them.")
  Path dir;

  @Option(
      names = "--out",
      description = "Where model.sig is written (default: DIR/model.sig, else ./model.sig).")
  Path out;

  SignCommand(Terminal terminal) {
    super(terminal);
  }

  @Override
  public void run() {
    KeyPair pair = EcKeyPair.read(keyText(), "-".equals(key) ? "from stdin" : key);
    var client = client();
    String project = project();
    Version v = client.versions().get(project, model, version);
    Map<String, String> files =
        dir != null
            ? VersionDigests.local(dir)
            : VersionDigests.downloaded(client, project, model, v);
    byte[] bundle;
    try {
      bundle = new ModelSigner(pair.getPrivate(), pair.getPublic()).sign(model, files, List.of());
    } catch (SignatureRefusal e) {
      throw new ExitCodes.Failure(ExitCodes.USAGE, e.wireCode() + ": " + e.detail());
    } catch (IllegalArgumentException e) {
      throw new ExitCodes.Failure(ExitCodes.USAGE, "cannot sign: " + e.getMessage());
    }
    Path target = out != null ? out : (dir != null ? dir : Path.of(".")).resolve("model.sig");
    try {
      Files.write(target, bundle);
    } catch (IOException e) {
      throw new ExitCodes.Failure(
          ExitCodes.USAGE, "cannot write " + target + ": " + e.getMessage());
    }
    JsonNode accepted = client.signatures().putSignature(project, model, version, bundle);
    output().one(accepted, "signer", COLUMNS);
    output()
        .say(
            "wrote "
                + target
                + " ("
                + files.size()
                + " file(s)); uploaded to "
                + model
                + ":"
                + version);
  }

  private String keyText() {
    try {
      return "-".equals(key)
          ? new String(terminal.in().readAllBytes(), StandardCharsets.US_ASCII)
          : Files.readString(Path.of(key), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new ExitCodes.Failure(ExitCodes.USAGE, "signing key " + key + " unreadable");
    }
  }
}
