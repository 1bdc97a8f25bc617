package dev.cairn.registry.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.JarReplica;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 30, must show: {@code kill -9} of the registry between the commit of alias changes and
 * their delivery loses no webhook. The receiver is down while the changes commit, so every job is
 * still in the outbox when the process dies; after a restart on the same data directory (its
 * embedded PostgreSQL taken over) every job arrives, each webhook-id once.
 */
class WebhookCrashIT {

  private static final List<String> JVM = List.of("-Xmx384m", "-XX:+ExitOnOutOfMemoryError");
  private static final int CHANGES = 20;

  @TempDir Path dataDir;

  @Test
  void killNineBetweenCommitAndDeliveryLosesNoWebhook() throws Exception {
    int port = JarReplica.freePort();
    int receiverPort = JarReplica.freePort();
    Map<String, String> env =
        Map.of(
            "CAIRN_BOOTSTRAP_ADMIN_TOKEN",
            TestTokens.ADMIN,
            "CAIRN_WEBHOOK_ALLOW_CIDRS",
            "127.0.0.1/32",
            "CAIRN_WEBHOOK_ALLOW_HTTP",
            "true",
            // Attempts a second apart while the receiver is down: the schedule outlasts the test.
            "CAIRN_WEBHOOK_RETRY_SECONDS",
            "0" + ",1".repeat(45));
    JarReplica registry = JarReplica.start(dataDir, port, env, dataDir.resolve("first.log"), JVM);
    String project = "crash-hooks";
    try {
      CairnClient admin = CairnClient.create(registry.uri(), TestTokens.ADMIN);
      admin.projects().create(ProjectCreate.named(project));
      admin.models().create(project, ModelCreate.named("m"));
      List<String> versions =
          List.of(
              Versions.ready(admin, project, "m", "default", "one").version(),
              Versions.ready(admin, project, "m", "default", "two").version());
      var created =
          new Http(registry.uri())
              .post(
                  "/api/v1/projects/" + project + "/webhooks",
                  TestTokens.ADMIN,
                  "{\"url\":\"http://127.0.0.1:"
                      + receiverPort
                      + "/hook\",\"events\":[\"model_version_alias.*\"]}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      for (int i = 0; i < CHANGES; i++) {
        admin
            .aliases()
            .put(
                project,
                "m",
                "prod",
                AliasUpdate.version(versions.get(i % 2), "r" + i),
                null,
                null);
      }
    } finally {
      registry.kill();
    }
    try (Receiver receiver = new Receiver(receiverPort)) {
      JarReplica again = JarReplica.start(dataDir, port, env, dataDir.resolve("second.log"), JVM);
      try {
        await().atMost(Duration.ofSeconds(90)).until(() -> ids(receiver).size() >= CHANGES);
        assertThat(ids(receiver)).hasSize(CHANGES);
      } finally {
        again.close();
      }
    }
  }

  private static Set<String> ids(Receiver receiver) {
    return receiver.requests.stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet());
  }
}
