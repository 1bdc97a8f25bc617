package dev.cairn.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.RegistryServer;
import dev.cairn.registry.config.SettingsLoader;
import dev.cairn.registry.testing.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The development bootstrap: one admin token, created once, stored hashed, file mode 0600. */
class BootstrapAdminTest {

  @TempDir Path dataDir;

  @Test
  void createsTheAdminTokenOnceAndKeepsItAcrossRestarts() throws Exception {
    Map<String, String> env =
        Map.of("CAIRN_DATA_DIR", dataDir.toString(), "CAIRN_PORT", "0", "CAIRN_HOST", "127.0.0.1");
    String token;
    try (RegistryServer first = RegistryServer.start(SettingsLoader.load(env))) {
      token = first.bootstrap().newToken().orElseThrow();
      Path file = dataDir.resolve("admin-token");
      assertThat(Files.readString(file).trim()).isEqualTo(token);
      assertThat(Files.getPosixFilePermissions(file))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      Http http = new Http(first.uri());
      assertThat(http.post("/api/v1/projects", token, "{\"name\":\"kept\"}").statusCode())
          .isEqualTo(201);
    }
    try (RegistryServer second = RegistryServer.start(SettingsLoader.load(env))) {
      assertThat(second.bootstrap().newToken()).as("printed only once").isEmpty();
      Http http = new Http(second.uri());
      assertThat(http.get("/api/v1/projects/kept", token).statusCode()).isEqualTo(200);
      assertThat(http.get("/", null).body())
          .contains("\"database\":\"embedded\"", "\"environment\":\"development\"");
    }
    try (var files = Files.walk(dataDir)) {
      boolean leaked =
          files
              .filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().equals("admin-token"))
              .filter(f -> !f.toString().contains("postgres"))
              .anyMatch(f -> readQuietly(f).contains(token));
      assertThat(leaked).as("the token is stored only as a hash outside admin-token").isFalse();
    }
  }

  private static String readQuietly(Path f) {
    try {
      return Files.readString(f);
    } catch (Exception e) {
      return "";
    }
  }
}
