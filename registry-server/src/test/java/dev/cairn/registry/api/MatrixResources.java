package dev.cairn.registry.api;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ModelPatch;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.signature.TestSigner;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.Versions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh resources for the role matrix: destructive calls get one per caller so every cell is
 * measured on its own. Each returns the API path of what it made.
 */
final class MatrixResources {

  private final CairnClient admin;
  private final AtomicInteger counter;
  private final TestSigner signer = TestSigner.generate();

  MatrixResources(CairnClient admin, AtomicInteger counter) {
    this.admin = admin;
    this.counter = counter;
  }

  /** A fresh alias at generation 2 (so it can roll back), or 1. */
  String freshAlias(String project, String r1, String r2, boolean twice) {
    String name = "a" + counter.incrementAndGet();
    admin.aliases().put(project, "m", name, AliasUpdate.version(r1, "setup"), null, null);
    if (twice) {
      admin.aliases().put(project, "m", name, AliasUpdate.version(r2, "setup"), null, null);
    }
    return "/api/v1/projects/" + project + "/models/m/aliases/" + name;
  }

  /** {@code /api/v1/models/{id}} of model {@code m}. */
  String modelById(String project) {
    return "/api/v1/models/" + admin.models().get(project, "m").id();
  }

  /** {@code /api/v1/versions/{id}} of {@code version} of model {@code m}. */
  String versionById(String project, String version) {
    return "/api/v1/versions/" + admin.versions().get(project, "m", version).id();
  }

  /** A fresh READY version no alias points at. */
  String deletableVersion(String project) {
    String name =
        Versions.ready(admin, project, "m", "default", "deletable " + counter.incrementAndGet())
            .version();
    return "/api/v1/projects/" + project + "/models/m/versions/" + name;
  }

  /** A fresh version with one uploaded file, ready to complete. */
  String completable(String project) {
    String name = "c" + counter.incrementAndGet();
    admin.versions().create(project, "m", VersionCreate.ofFormat("onnx").named(name));
    admin.versions().upload(project, "m", name, "w.bin", weights(), null);
    return "/api/v1/projects/" + project + "/models/m/versions/" + name + "/complete";
  }

  static Path weights() {
    try {
      Path file = Files.createTempFile("weights", ".bin");
      Files.writeString(file, "weights");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String freshEmptyProject() {
    String name = TestRegistry.uniqueProject("mxdel");
    admin.projects().create(ProjectCreate.named(name));
    return "/api/v1/projects/" + name;
  }

  String liveModel(String project) {
    String name = "live-" + counter.incrementAndGet();
    admin.models().create(project, ModelCreate.named(name));
    return "/api/v1/projects/" + project + "/models/" + name;
  }

  String archivedModel(String project) {
    String name = "gone-" + counter.incrementAndGet();
    admin.models().create(project, ModelCreate.named(name));
    admin.models().patch(project, name, ModelPatch.state("ARCHIVED"));
    return "/api/v1/projects/" + project + "/models/" + name;
  }

  /** Issue 28: the trust PUT's body, trusting the key of {@link #bundle}. */
  String trustPolicy() {
    return signer.policy("matrix");
  }

  /** Issue 28: a {@code model.sig} over the files of {@code version} of model {@code m}. */
  String bundle(String project, String version) {
    Map<String, String> files = new HashMap<>();
    admin
        .versions()
        .get(project, "m", version)
        .files()
        .forEach(f -> files.put(f.path(), f.sha256()));
    return new String(signer.sign(files), StandardCharsets.UTF_8);
  }
}
