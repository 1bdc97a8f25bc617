package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.registry.blob.FileBlobStore;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.runtime.testing.InkImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Each remaining command's happy path and its refusal, with the exit code of spec 75-cli. */
class CliResourceCommandsTest extends LoggedInCli {

  @Test
  void projectsAreListedReadAndDeleted() {
    String spare = project + "-spare";
    cli.run("project", "create", spare);

    assertThat(cli.run("project", "list", "-o", "name").out()).contains(project + "\n");
    assertThat(cli.run("project", "get", project).out()).startsWith("NAME").contains(project);
    assertThat(cli.run("project", "delete", spare).code()).isZero();
    CliRunner.Result gone = cli.run("project", "get", spare);
    assertThat(gone.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(gone.err()).startsWith("error: PROJECT_NOT_FOUND").hasLineCount(1);
  }

  @Test
  void modelListFollowsTheRegistrysPageTokensPastOnePage() throws Exception {
    var admin = registry.client(TestTokens.ADMIN);
    for (int i = 0; i < Output.PAGE_SIZE + 5; i++) {
      admin.models().create(project, ModelCreate.named(String.format("m%03d", i)));
    }

    CliRunner.Result names = cli.run("model", "list", "-o", "name");
    CliRunner.Result json = cli.run("model", "list", "-o", "json");

    assertThat(names.out().lines()).hasSize(Output.PAGE_SIZE + 5).doesNotHaveDuplicates();
    assertThat(names.out().lines().toList().getLast()).isEqualTo("m104");
    assertThat(new ObjectMapper().readTree(json.out()).path("items")).hasSize(Output.PAGE_SIZE + 5);
  }

  @Test
  void modelCreateKeepsItsDescriptionWithItsLineBreaks() throws Exception {
    CliRunner.Result created =
        cli.run("model", "create", "described", "--description", "first line\nsecond");

    assertThat(created.code()).as(created.err()).isZero();
    assertThat(
            new ObjectMapper()
                .readTree(cli.run("model", "get", "described", "-o", "json").out())
                .path("description")
                .asText())
        .isEqualTo("first line\nsecond");
  }

  @Test
  void aModelIsArchivedWithAReasonAndDeletedInOneCall() {
    cli.run("model", "create", "old");
    cli.run("model", "create", "older");

    assertThat(cli.run("model", "delete", "old").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.run("model", "archive", "old", "--reason", "superseded").out())
        .contains("ARCHIVED");
    assertThat(cli.run("model", "delete", "old", "--reason", "cleanup test data").code()).isZero();
    CliRunner.Result live = cli.run("model", "delete", "older", "--reason", "one call");
    assertThat(live.code()).as(live.err()).isZero();
    assertThat(cli.run("model", "get", "old").code()).isEqualTo(ExitCodes.NOT_FOUND);
    CliRunner.Result deleted = cli.run("model", "list", "--state", "DELETED");
    assertThat(deleted.out())
        .contains("REASON")
        .contains("cleanup test data")
        .contains("one call")
        .contains("bootstrap-admin");
  }

  @Test
  void verifyAndResolveReHashTheStoredBytes() throws Exception {
    cli.run("model", "create", "hashed");
    Path file = Files.writeString(work.resolve("w.bin"), "bytes to be verified");
    cli.run("version", "push", "hashed", file.toString());
    cli.run("alias", "set", "hashed", "staging", "--version", "v1", "--reason", "try");

    CliRunner.Result verified = cli.run("version", "verify", "hashed", "v1");
    assertThat(verified.code()).as(verified.err()).isZero();
    assertThat(cli.run("resolve", "hashed@staging", "--verify").out()).contains("v1");
    assertThat(cli.run("alias", "list", "hashed").out()).contains("staging");
    assertThat(cli.run("alias", "history", "hashed", "staging").out()).contains("try");

    Files.writeString(
        FileBlobStore.open(registry.dataDir().resolve("blobs")).path(sha(file)),
        "BYTES TO BE VERIFIED");
    CliRunner.Result broken = cli.run("version", "verify", "hashed", "v1");
    assertThat(broken.code()).as(broken.out()).isEqualTo(ExitCodes.INTEGRITY);
  }

  @Test
  void aStandardIsCheckedWithoutBeingKeptThenRegistered() throws Exception {
    cli.run("model", "create", "ink", "--variant", "MID");
    Path[] images = new Path[3];
    for (int i = 0; i < images.length; i++) {
      images[i] = work.resolve("std-" + i + ".png");
      Files.write(images[i], InkImages.twoInks(240, 180, i + 1).png());
    }

    String[] all = {images[0].toString(), images[1].toString(), images[2].toString()};

    CliRunner.Result tooFew = cli.run("std", "check", "ink", "--mode", "MID", all[0]);
    CliRunner.Result checked =
        cli.run(concat(new String[] {"std", "check", "ink", "--mode", "MID"}, all));
    assertThat(tooFew.out()).contains("STD_TOO_FEW_IMAGES");
    assertThat(checked.code()).as(checked.err()).isZero();
    assertThat(checked.out()).contains("STD_ACCEPTABLE");
    assertThat(cli.run("version", "list", "ink", "-o", "name").out()).isEmpty();
    CliRunner.Result registered =
        cli.run(concat(new String[] {"std", "register", "ink", "--mode", "MID"}, all));
    assertThat(registered.out()).contains("v1").contains("READY");
    assertThat(cli.run("std", "register", "ink", "--mode", "MID").code())
        .isEqualTo(ExitCodes.USAGE);
  }

  private static String[] concat(String[] head, String[] tail) {
    String[] all = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  @Test
  void logoutForgetsTheContextSoTheNextCommandNamesWhatIsMissing() {
    cli.run("context", "use", "test");

    assertThat(cli.run("logout").code()).isZero();
    CliRunner.Result after = cli.run("model", "list");
    assertThat(after.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(after.err()).contains("no registry: run `cairn login URL --token-stdin`");
  }

  private static String sha(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
