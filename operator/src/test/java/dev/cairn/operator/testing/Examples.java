package dev.cairn.operator.testing;

import dev.cairn.operator.modelactivation.ModelActivation;
import dev.cairn.operator.modelversion.FileSource;
import dev.cairn.operator.modelversion.ModelVersion;
import dev.cairn.operator.modelversion.ModelVersionSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The committed {@code examples/} manifests, loaded as they are, with two substitutions so each
 * test is isolated and offline: the namespace, and {@code https://models.example.com/} replaced by
 * a loopback server that serves {@code examples/artifacts/}.
 */
public final class Examples {

  public static final String EXAMPLE_HOST = "https://models.example.com/";
  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private Examples() {}

  /** The repository's {@code examples} folder (tests run in {@code operator/}). */
  public static Path folder() {
    Path here = Path.of("").toAbsolutePath();
    Path examples = here.resolveSibling("examples");
    if (!Files.isDirectory(examples)) {
      examples = here.resolve("examples");
    }
    if (!Files.isDirectory(examples)) {
      throw new IllegalStateException("examples/ not found from " + here);
    }
    return examples;
  }

  public static List<ModelVersion> modelVersions(String file, String namespace, URI sources) {
    return documents(file).stream()
        .map(doc -> YAML.unmarshal(doc, ModelVersion.class))
        .map(mv -> inNamespace(mv, namespace))
        .map(mv -> withSources(mv, sources))
        .toList();
  }

  public static ModelActivation modelActivation(String file, String namespace) {
    return inNamespace(
        YAML.unmarshal(documents(file).getFirst(), ModelActivation.class), namespace);
  }

  private static List<String> documents(String file) {
    try {
      String text = Files.readString(folder().resolve(file));
      return Arrays.stream(text.split("(?m)^---\\s*$")).filter(d -> d.contains("kind:")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T extends HasMetadata> T inNamespace(T resource, String namespace) {
    resource.getMetadata().setNamespace(namespace);
    return resource;
  }

  /** The same ModelVersion with its example URIs pointing at {@code sources}. */
  public static ModelVersion withSources(ModelVersion mv, URI sources) {
    ModelVersionSpec s = mv.getSpec();
    List<FileSource> files =
        s.files().stream()
            .map(
                f ->
                    new FileSource(
                        f.path(), f.uri().replace(EXAMPLE_HOST, sources.toString()), f.sha256()))
            .toList();
    mv.setSpec(withFiles(s, files));
    return mv;
  }

  public static ModelVersionSpec withVersionName(ModelVersionSpec s, String version) {
    return new ModelVersionSpec(
        s.project(),
        s.model(),
        version,
        s.variant(),
        s.modelVariants(),
        s.format(),
        s.files(),
        s.credentialsSecret(),
        s.description(),
        s.metadata(),
        s.signature());
  }

  public static ModelVersionSpec withFiles(ModelVersionSpec s, List<FileSource> files) {
    return new ModelVersionSpec(
        s.project(),
        s.model(),
        s.version(),
        s.variant(),
        s.modelVariants(),
        s.format(),
        files,
        s.credentialsSecret(),
        s.description(),
        s.metadata(),
        s.signature());
  }
}
