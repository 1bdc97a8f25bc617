package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.chart.testing.Chart;
import dev.cairn.chart.testing.JarProcess;
import dev.cairn.chart.testing.PodEnvironment;
import dev.cairn.chart.testing.ReadOnlyRoot;
import dev.cairn.chart.testing.Rendered;
import dev.cairn.chart.testing.Repo;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.StdRegistrationRequest;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.testing.Http;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 26 item 7: the development values (embedded PostgreSQL, file store) run under {@code
 * readOnlyRootFilesystem: true}. The registry jar starts with the environment the chart renders for
 * {@code ci/embedded-values.yaml}, its writable volumes ({@code /tmp}, {@code /var/lib/cairn}) as
 * folders under {@code target/}, under a {@link ReadOnlyRoot}: every mount of the machine is
 * read-only for it (the working tree, its working directory {@code charts/}, {@code HOME}, {@code
 * /tmp}, the jar's folder, the JDK) except those two folders, which are its {@code TMPDIR} and
 * {@code CAIRN_DATA_DIR}, and the kernel's {@code /proc}, {@code /sys} and {@code /dev} (with
 * {@code /dev/shm}), as in a pod. The embedded PostgreSQL must come up, a project, a
 * declared-and-uploaded version and a standard registration (multipart, validated from a local
 * copy) must be served back, and the registry must stop on SIGTERM with its PostgreSQL; no output
 * may mention a read-only file system. Skipped, with the reason, only where neither {@code unshare
 * -m} (root) nor {@code unshare -r -m} (a user namespace) is permitted.
 */
class EmbeddedReadOnlyRootIT {

  private static final Path TARGET = Path.of("target").toAbsolutePath();
  private static final String INK = "examples/artifacts/ink-sku001-a/low/v1/std/";

  @Test
  void embeddedDatabaseServesWithOnlyTheDataDirectoryAndTmpdirWritable() throws Exception {
    Path work = Files.createTempDirectory(Files.createDirectories(TARGET), "read-only-root-");
    Rendered chart = Chart.withValues(Repo.chart().resolve("ci/embedded-values.yaml")).render();
    PodSpec pod = chart.deployment("registry").getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().getFirst();
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    List<VolumeMount> writable =
        container.getVolumeMounts().stream()
            .filter(mount -> !Boolean.TRUE.equals(mount.getReadOnly()))
            .toList();
    assertThat(writable)
        .extracting(VolumeMount::getMountPath)
        .containsExactlyInAnyOrder("/tmp", "/var/lib/cairn");

    Map<String, String> env =
        new PodEnvironment(chart.objects(), Chart.NAMESPACE, Chart.FULLNAME + "-registry-0")
            .resolve(pod, container, work);
    Path tmp = folder(container, writable, "/tmp", work);
    Path data = folder(container, writable, "/var/lib/cairn", work);
    assertThat(env).containsEntry("TMPDIR", tmp.toString());
    assertThat(env).containsEntry("CAIRN_DATA_DIR", data.toString());
    Path home = Files.createDirectories(work.resolve("home"));
    int port = JarProcess.freePort();
    env.put("HOME", home.toString());
    env.put("CAIRN_PORT", Integer.toString(port));

    ReadOnlyRoot root = ReadOnlyRoot.writableOnly(List.of(tmp, data));
    assertThat(root.touch(home.resolve("probe")).output()).contains("Read-only file system");
    assertThat(root.touch(Path.of("/tmp/cairn-read-only-root-probe")).output())
        .contains("Read-only file system");
    assertThat(root.touch(tmp.resolve("probe")).exit()).isZero();

    JarProcess registry =
        JarProcess.start(
            Repo.jar("registry-server/target/cairn-registry.jar"),
            env,
            work.resolve("registry.log"),
            root::wrap);
    try {
      URI uri = URI.create("http://127.0.0.1:" + port);
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(250))
          .failFast(() -> assertThat(registry.alive()).as(registry::output).isTrue())
          .untilAsserted(
              () ->
                  assertThat(JarProcess.status(uri.resolve("/health/ready")))
                      .as(registry::output)
                      .isEqualTo(200));
      assertThat(JarProcess.body(uri.resolve("/"))).contains("\"database\":\"embedded\"");
      servesAProjectAVersionAndAStandard(uri, env.get("CAIRN_BOOTSTRAP_ADMIN_TOKEN"));
      assertThat(extractedPostgres(tmp)).as("PostgreSQL binaries unpacked under TMPDIR").isTrue();
    } catch (Exception | AssertionError e) {
      registry.close();
      throw e;
    }
    assertThat(registry.terminate(Duration.ofSeconds(30))).as(registry::output).isEqualTo(143);
    assertThat(data.resolve("postgres/postmaster.pid")).as("PostgreSQL stopped").doesNotExist();
    assertThat(registry.output()).doesNotContainIgnoringCase("read-only file system");
  }

  private static void servesAProjectAVersionAndAStandard(URI uri, String token) throws Exception {
    CairnClient admin = CairnClient.create(uri, token);
    admin.projects().create(ProjectCreate.named("rofs"));
    admin
        .models()
        .create("rofs", ModelCreate.named("plain").withVariants(List.of("default"), "default"));
    Http http = new Http(uri);
    byte[] bytes = "weights under a read-only root".getBytes(StandardCharsets.UTF_8);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    String versions = "/api/v1/projects/rofs/models/plain/versions";
    assertThat(
            http.post(
                    versions,
                    token,
                    "{\"format\":\"generic\",\"variant\":\"default\",\"files\":[{\"path\":\"model.bin\","
                        + "\"sha256\":\""
                        + sha
                        + "\",\"size_bytes\":"
                        + bytes.length
                        + "}]}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            http.sendBytes(
                    "PUT",
                    versions + "/v1/files/model.bin",
                    token,
                    bytes,
                    Map.of("Content-Type", "application/octet-stream", "X-Checksum-Sha256", sha))
                .statusCode())
        .isBetween(200, 201);
    assertThat(http.post(versions + "/v1/complete", token, null).body())
        .contains("\"state\":\"READY\"");
    assertThat(http.get(versions + "/v1/files/model.bin", token).body())
        .isEqualTo("weights under a read-only root");

    admin
        .models()
        .create(
            "rofs", ModelCreate.named("ink").withVariants(List.of("LOW", "MID", "HIGH"), "MID"));
    List<Path> images =
        Stream.of("img1.png", "img2.png", "img3.png").map(n -> Repo.resolve(INK + n)).toList();
    Version standard =
        admin
            .versions()
            .registerStandard("rofs", "ink", StdRegistrationRequest.of("LOW", images, 2));
    assertThat(standard.state()).isEqualTo("READY");
    assertThat(standard.validation().load()).isEqualTo("PASSED");
    assertThat(admin.versions().get("rofs", "ink", standard.version()).files())
        .extracting(VersionFile::path)
        .contains("signature.json", "std/img1.png");
  }

  private static Path folder(
      Container container, List<VolumeMount> mounts, String mountPath, Path work) {
    VolumeMount mount =
        mounts.stream().filter(m -> m.getMountPath().equals(mountPath)).findFirst().orElseThrow();
    return PodEnvironment.folder(container, mount, work);
  }

  private static boolean extractedPostgres(Path tmp) throws Exception {
    try (Stream<Path> files = Files.walk(tmp)) {
      return files.anyMatch(f -> f.endsWith(Path.of("bin", "postgres")) && Files.isExecutable(f));
    }
  }
}
