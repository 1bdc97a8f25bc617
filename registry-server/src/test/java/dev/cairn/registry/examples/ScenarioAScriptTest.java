package dev.cairn.registry.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs {@code examples/scenario-a.sh} (bash + curl, as a user would) against a registry. */
class ScenarioAScriptTest {

  private static final Path SCRIPT = Path.of("..", "examples", "scenario-a.sh");

  @Test
  void seedScenarioARunsAgainstCairnWithCurl() throws IOException, InterruptedException {
    assertThat(SCRIPT).exists();
    TestRegistry registry = TestRegistry.shared();
    ProcessBuilder builder =
        new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
    builder.environment().put("CAIRN_URL", registry.uri().toString());
    builder.environment().put("CAIRN_TOKEN", TestTokens.ADMIN);
    builder.environment().put("CAIRN_OTHER_TOKEN", TestTokens.OTHER_PROJECT);
    builder.environment().put("CAIRN_PROJECT", TestRegistry.uniqueProject("scenario-a"));
    Path output = Files.createTempFile("scenario-a", ".log");
    Process process = builder.redirectOutput(output.toFile()).start();

    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    String log = Files.readString(output, StandardCharsets.UTF_8);

    assertThat(finished).as("script finished").isTrue();
    assertThat(process.exitValue()).as(log).isZero();
    assertThat(log)
        .contains("POST    /projects/")
        .contains("-> 409")
        .contains("-> 400")
        .contains("-> 404")
        .contains("-> 204")
        .endsWith("Scenario A passed\n");
  }
}
