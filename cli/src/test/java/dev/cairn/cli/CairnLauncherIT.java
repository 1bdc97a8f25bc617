package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code cli/target/cairn}, as {@code ./mvnw -pl cli -am package} leaves it, finds a JDK of 21 or
 * newer by itself (PATH's java here is older) and talks to a registry.
 */
class CairnLauncherIT {

  private static final Path LAUNCHER = Path.of("target", "cairn");

  @Test
  void theLauncherRunsTheJarWithAJdkItFindsItself() throws Exception {
    assertThat(LAUNCHER).as("built by the package phase").isExecutable();
    TestRegistry registry = TestRegistry.shared();

    Result version = run("--version");
    Result whoami = run("whoami", "-o", "name", "--server", registry.uri().toString());

    assertThat(version.code()).as(version.output()).isZero();
    assertThat(version.output()).startsWith("cairn ");
    assertThat(whoami.code()).as(whoami.output()).isZero();
    assertThat(whoami.output()).isEqualTo("bootstrap-admin\n");
  }

  @Test
  void aPushIntoAPipeDrawsNoProgressBars() throws Exception {
    TestRegistry registry = TestRegistry.shared();
    String project = TestRegistry.uniqueProject("launcher");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    registry.client(TestTokens.ADMIN).models().create(project, ModelCreate.named("m"));
    Path file = Files.writeString(Files.createTempFile("weights", ".bin"), "weights");

    Result push =
        run(
            "version",
            "push",
            "m",
            file.toString(),
            "-p",
            project,
            "--server",
            registry.uri().toString());

    assertThat(push.code()).as(push.output()).isZero();
    assertThat(push.output()).contains("READY").doesNotContain("MiB");
  }

  @Test
  void onATerminalTheJvmPrintsNoWarningsTheUserDidNotCause() throws Exception {
    TestRegistry registry = TestRegistry.shared();
    String project = TestRegistry.uniqueProject("terminal");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    registry.client(TestTokens.ADMIN).models().create(project, ModelCreate.named("m"));
    Path file = Files.writeString(Files.createTempFile("weights", ".bin"), "weights");
    // script(1) gives the launcher a pseudo-terminal, where the progress bars load JLine's
    // native library.
    String command =
        String.join(
            " ",
            LAUNCHER.toAbsolutePath().toString(),
            "version push m",
            file.toString(),
            "-p",
            project,
            "--server",
            registry.uri().toString());
    ProcessBuilder builder =
        new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true);
    builder.environment().remove("JAVA_HOME");
    builder.environment().put("CAIRN_TOKEN", TestTokens.ADMIN);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(output).contains("READY").doesNotContain("WARNING");
  }

  private record Result(int code, String output) {}

  private static Result run(String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = LAUNCHER.toString();
    System.arraycopy(args, 0, command, 1, args.length);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("JAVA_HOME");
    builder.environment().put("CAIRN_TOKEN", TestTokens.ADMIN);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }
}
