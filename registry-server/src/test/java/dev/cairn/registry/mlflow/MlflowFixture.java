package dev.cairn.registry.mlflow;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A project with model {@code m} and two READY versions of two files each (one in a subdirectory),
 * alias {@code champion} on {@code v2}: what the MLflow tests read.
 */
public record MlflowFixture(
    String project, Map<String, byte[]> v1Files, Map<String, byte[]> v2Files) {

  public static MlflowFixture create(TestRegistry registry) {
    CairnClient admin = registry.client(TestTokens.ADMIN);
    String project = TestRegistry.uniqueProject("mlflow");
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));
    Map<String, byte[]> v1 = files(1);
    Map<String, byte[]> v2 = files(2);
    ready(admin, project, "v1", v1);
    ready(admin, project, "v2", v2);
    admin.aliases().put(project, "m", "champion", AliasUpdate.version("v2", "mlflow"), null, null);
    return new MlflowFixture(project, v1, v2);
  }

  /** The MLflow name of the model. */
  public String name() {
    return project + ".m";
  }

  private static Map<String, byte[]> files(long seed) {
    Random random = new Random(seed);
    byte[] weights = new byte[200_000];
    random.nextBytes(weights);
    byte[] config = ("{\"seed\": " + seed + "}\n").getBytes();
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("MLmodel", config);
    files.put("data/weights.bin", weights);
    return files;
  }

  private static void ready(
      CairnClient admin, String project, String version, Map<String, byte[]> files) {
    List<FileDeclaration> declared = new ArrayList<>();
    files.forEach(
        (path, bytes) ->
            declared.add(
                new FileDeclaration(path, Versions.sha256(bytes), (long) bytes.length, null)));
    admin
        .versions()
        .create(project, "m", VersionCreate.ofFormat("generic").named(version).withFiles(declared));
    try {
      Path dir = Files.createDirectories(Path.of("target", "mlflow-fixture"));
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Path local = Files.createTempFile(dir, "file", ".bin");
        Files.write(local, file.getValue());
        admin
            .versions()
            .upload(project, "m", version, file.getKey(), local, Versions.sha256(file.getValue()));
        Files.delete(local);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    admin.versions().complete(project, "m", version);
  }
}
