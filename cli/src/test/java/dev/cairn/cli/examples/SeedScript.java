package dev.cairn.cli.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.testing.TestTokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code examples/seed-000-cli.sh} as a user would (the admin token on stdin, a cairn
 * configuration of the user's own in {@code HOME}) and checks what it printed and that the user's
 * current context stayed as it was.
 */
final class SeedScript {

  static final String PROJECT = "sku001";

  private static final String USER_CONFIG =
      "current: mine\n"
          + "contexts:\n"
          + "  mine:\n"
          + "    server: http://registry.example:8080\n"
          + "    project: qc\n";

  private SeedScript() {}

  /** Runs the script against {@code registry} with {@code env} besides; returns its output. */
  static String run(Path home, URI registry, Map<String, String> env) throws Exception {
    Path userConfig =
        Files.writeString(
            Files.createDirectories(home.resolve("config/cairn")).resolve("config.yaml"),
            USER_CONFIG);
    ProcessBuilder script =
        new ProcessBuilder("bash", Path.of("..", "examples", "seed-000-cli.sh").toString())
            .redirectErrorStream(true);
    Map<String, String> all = script.environment();
    all.keySet().removeIf(k -> k.startsWith("CAIRN_") || k.equals("JAVA_HOME"));
    all.put("CAIRN", launcher(home).toString());
    all.put("CAIRN_SERVER", registry.toString());
    all.put("PROJECT", PROJECT);
    all.put("HOME", home.toString());
    all.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    all.putAll(env);
    Path log = home.resolve("script.log");
    Path token = Files.writeString(home.resolve("admin-token"), TestTokens.ADMIN + "\n");
    Process process = script.redirectInput(token.toFile()).redirectOutput(log.toFile()).start();

    boolean finished = process.waitFor(300, TimeUnit.SECONDS);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (!finished) {
      process.destroyForcibly();
    }
    assertThat(finished).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    // Before the first activation the sidecar counts only once it has reported: 0/0 or 0/1.
    assertThat(output)
        .containsPattern("(?m)^production +INCOMPLETE +- +MID,LOW,HIGH +0/[01]$")
        .containsPattern("(?m)^production +INACTIVE +- +- +0/[01]$")
        .contains("production: (none) -> {HIGH=v3, LOW=v1, MID=v2}\nALIAS")
        .contains("serving 0/1\nserving 1/1\n")
        .containsPattern("(?m)^production +ACTIVE +HIGH=v3,LOW=v1,MID=v2 +- +1/1$")
        .containsPattern("(?m)^sample\\.png +OK +- +\\S+ +\\S+ +HIGH +v3$")
        .containsPattern("(?m)^3 +ALIAS_ROLLBACK +HIGH=v3,LOW=v1,MID=v2 +bootstrap-admin +HIGH too")
        .contains("\"decision\" : \"OK\"")
        .contains("\"generation\" : 3");
    assertThat(Files.readString(userConfig))
        .as("the user's own contexts, the current one included, are left as they were")
        .isEqualTo(USER_CONFIG);
    return output;
  }

  /** {@code cairn} for the script: this JVM's java and test class path. */
  private static Path launcher(Path home) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path launcher = home.resolve("cairn");
    Files.writeString(
        launcher,
        "#!/bin/sh\nexec '"
            + java
            + "' -XX:TieredStopAtLevel=1 -Xshare:auto -cp '"
            + System.getProperty("java.class.path")
            + "' dev.cairn.cli.CairnCli \"$@\"\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
    return launcher;
  }
}
