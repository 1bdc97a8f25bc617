package dev.cairn.registry.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs seed 004's scenarios as {@code examples/scenario-*.sh} (bash + curl, as a user would)
 * against a registry: A (models), B (versions, ids, the project-wide listing, bad filters).
 */
class ScenarioScriptsTest {

  @ParameterizedTest
  @CsvSource({"scenario-a.sh, Scenario A passed", "scenario-b.sh, Scenario B passed"})
  void seedScenarioRunsAgainstCairnWithCurl(String script, String passed)
      throws IOException, InterruptedException {
    Path file = Path.of("..", "examples", script);
    assertThat(file).exists();
    TestRegistry registry = TestRegistry.shared();
    ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true);
    builder.environment().put("CAIRN_URL", registry.uri().toString());
    builder.environment().put("CAIRN_TOKEN", TestTokens.ADMIN);
    builder.environment().put("CAIRN_OTHER_TOKEN", TestTokens.OTHER_PROJECT);
    builder.environment().put("CAIRN_PROJECT", TestRegistry.uniqueProject(script.substring(0, 10)));
    Path output = Files.createTempFile(script, ".log");
    Process process = builder.redirectOutput(output.toFile()).start();

    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    String log = Files.readString(output, StandardCharsets.UTF_8);

    assertThat(finished).as("script finished").isTrue();
    assertThat(process.exitValue()).as(log).isZero();
    assertThat(log)
        .contains("POST    /projects/")
        .contains("-> 400")
        .contains("-> 404")
        .endsWith(passed + "\n");
  }
}
