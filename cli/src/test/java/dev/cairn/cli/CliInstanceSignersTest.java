package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.LoadedVersion;
import dev.cairn.client.model.VersionSignature;
import dev.cairn.registry.testing.InstanceReports;
import dev.cairn.registry.testing.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 28: {@code cairn instances list} shows who signed what each replica serves, as the sidecar
 * verified it and reported it ({@code loaded.<variant>.signature.signer}); "-" for a replica that
 * checked no signature.
 */
class CliInstanceSignersTest extends LoggedInCli {

  private static final String KEYLESS =
      "stefanb@us.ibm.com (https://sigstore.verify.ibm.com/oauth2)";

  @Test
  void theListShowsTheSignerEachReplicaVerified() throws Exception {
    cli.run("model", "create", "m");
    Path file = Files.writeString(work.resolve("w.bin"), "weights");
    assertThat(cli.run("version", "push", "m", file.toString()).code()).isZero();
    CairnClient admin = registry.client(TestTokens.ADMIN);
    String digest = admin.versions().get(project, "m", "v1").digest();
    // A report names the alias generation it serves: generation 1 must exist.
    admin.aliases().put(project, "m", "production", AliasUpdate.version("v1", "serve"), null, null);
    Instant now = Instant.now();
    InstanceReports.serving(
        admin,
        project,
        "signed-0",
        new LoadedVersion("v1", digest, now, new VersionSignature("sigstore", KEYLESS, now, null)));
    InstanceReports.serving(admin, project, "plain-0", new LoadedVersion("v1", digest, now));

    CliRunner.Result list = cli.run("instances", "list", "--model", "m");

    assertThat(list.code()).as(list.err()).isZero();
    List<String> lines = list.out().lines().toList();
    assertThat(lines.getFirst()).contains("SIGNED BY");
    assertThat(lines)
        .filteredOn(l -> l.startsWith("signed-0"))
        .singleElement()
        .asString()
        .contains("default=" + KEYLESS);
    assertThat(lines)
        .filteredOn(l -> l.startsWith("plain-0"))
        .singleElement()
        .asString()
        .doesNotContain(KEYLESS)
        .containsPattern("default=v1\\s+-");
  }
}
