package dev.cairn.registry.mlflow;

import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A path of MLflow's artifact protocol on this registry: {@code project/model/version} and, below
 * it, a file or directory of that version ({@code mlflow-artifacts:/project/model/vN} is what
 * {@code get-download-uri} answers). Every segment is checked with the native API's naming rules
 * ({@link Names}), so {@code ..}, empty segments, backslashes and control characters are refused
 * before anything is looked up.
 */
public record MlflowArtifactPath(
    String project, String model, String version, Optional<String> below) {

  /** The URI scheme MLflow clients resolve against their tracking URI. */
  public static final String SCHEME = "mlflow-artifacts:";

  /** One entry of an artifact listing: MLflow's {@code FileInfo}. */
  public record Entry(String path, boolean dir, long size) {}

  public static String downloadUri(String project, String model, String version) {
    return SCHEME + "/" + project + "/" + model + "/" + version;
  }

  /** Reads a path as MLflow's client sends it (no leading slash; a trailing one is tolerated). */
  public static MlflowArtifactPath parse(String path) {
    if (path == null || path.isEmpty()) {
      throw MlflowErrorCodes.invalid(
          "the artifact path is required: project/model/version[/file], as get-download-uri gives");
    }
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String[] parts = trimmed.split("/", 4);
    if (parts.length < 3) {
      throw MlflowErrorCodes.invalid(
          "Cairn serves the artifacts of a model version: project/model/version[/file]");
    }
    try {
      return new MlflowArtifactPath(
          Names.project(parts[0]),
          Names.resource("model", parts[1]),
          Names.resource("version", parts[2]),
          parts.length == 4 ? Optional.of(Names.filePath(parts[3])) : Optional.empty());
    } catch (ApiException e) {
      throw MlflowErrorCodes.invalid("'" + path + "' is not an artifact path: " + e.detail());
    }
  }

  /**
   * The entries directly below this path among {@code files}, as MLflow's server lists them ({@code
   * _list_artifacts_mlflow_artifacts}): each by its base name, which the client joins to the path
   * it asked for; directories without a size. A file's own path lists nothing, which is how
   * MLflow's client tells a file from a directory.
   */
  public List<Entry> list(List<VersionFile> files) {
    String dir = below.map(b -> b + "/").orElse("");
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (VersionFile file : files) {
      if (!Boolean.TRUE.equals(file.present()) || !file.path().startsWith(dir)) {
        continue;
      }
      String rest = file.path().substring(dir.length());
      int slash = rest.indexOf('/');
      if (slash < 0) {
        entries.put(rest, new Entry(rest, false, file.sizeBytes()));
      } else {
        String child = rest.substring(0, slash);
        entries.putIfAbsent(child, new Entry(child, true, 0));
      }
    }
    return new ArrayList<>(entries.values());
  }
}
