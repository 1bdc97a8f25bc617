package dev.cairn.sidecar.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.sidecar.Sidecar;
import dev.cairn.sidecar.testing.SidecarClient;
import dev.cairn.sidecar.testing.Sidecars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, finding 5, over real HTTP against a sidecar following a real registry. Before: unknown
 * routes answered 500 and logged a stack trace each.
 */
class SidecarRoutesHostileTest {

  private final TestRegistry registry = TestRegistry.shared();
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord entry) {
          logged.add(entry);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Path dir;

  @BeforeEach
  void setUp() throws Exception {
    Path base = Files.createDirectories(Path.of("target", "hostile-sidecar"));
    dir = Files.createTempDirectory(base, "routes");
    Logger.getLogger("").addHandler(capture);
  }

  @AfterEach
  void tearDown() {
    Logger.getLogger("").removeHandler(capture);
  }

  @Test
  void unknownRoutesAnswer404ProblemJsonWithoutAStackTraceInTheLog() {
    String project = Sidecars.projectWithModel(registry, "routes", "scorer");
    try (Sidecar sidecar = start(project)) {
      SidecarClient client = new SidecarClient(sidecar.port());
      logged.clear();
      for (String path : List.of("/nope", "/inspect/x", "/v2/models/a/b/c/d", "/v2")) {
        var answer = client.get(path);
        assertThat(answer.status()).as(path).isEqualTo(404);
        assertThat(answer.contentType()).as(path).isEqualTo("application/problem+json");
        assertThat(answer.body().path("code").asText()).as(path).isEqualTo("NOT_FOUND");
        assertThat(answer.body().path("request_id").asText()).as(path).isNotEmpty();
      }
      var posted = client.postJson("/inspect/x", "{}");
      assertThat(posted.status()).isEqualTo(404);
      assertThat(posted.body().path("code").asText()).isEqualTo("NOT_FOUND");

      assertThat(logged).noneMatch(entry -> entry.getThrown() != null);
      assertThat(logged).noneMatch(entry -> entry.getLevel().intValue() >= 1000);
    }
  }

  private Sidecar start(String project) {
    return Sidecars.start(registry.uri(), project, "scorer", dir.resolve("cache"), List.of());
  }
}
