package dev.cairn.registry.mlflow;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for {@code python -m mlflow.store.artifact.cli download --artifact-uri URI}, which the
 * MLflow Java client's {@code downloadModelVersion} runs (its {@code CliBasedArtifactRepository})
 * and which needs the Python {@code mlflow} package, not installable here. Written from MLflow
 * 2.x's {@code mlflow/store/artifact/cli.py}, {@code mlflow_artifacts_repo.py} and {@code
 * http_artifact_repo.py}, doing what they do over HTTP and nothing more:
 *
 * <ul>
 *   <li>{@code models:/name/version} and {@code models:/name@alias} (what {@code
 *       downloadModelVersion} passes) ask the registry for the version's download URI ({@code
 *       models_artifact_repo.py}: {@code get-download-uri}, after {@code registered-models/alias})
 *       and download that whole tree into the destination;
 *   <li>{@code mlflow-artifacts:/p} resolves against {@code MLFLOW_TRACKING_URI} to {@code
 *       <tracking>/api/2.0/mlflow-artifacts/artifacts/p}; such a URI is split into its parent (the
 *       repository) and its last segment (what is downloaded), as {@code
 *       _download_artifact_from_uri} does;
 *   <li>a path is a directory when listing it ({@code GET …/artifacts?path=<root/path>}) gives
 *       entries; entries are base names joined to the listed path; files are {@code GET <repository
 *       uri>/<path>}, streamed to {@code <tmp>/<path>};
 *   <li>credentials as {@code http_request} sends them: {@code MLFLOW_TRACKING_TOKEN} as Bearer,
 *       else {@code MLFLOW_TRACKING_USERNAME}/{@code PASSWORD} as Basic;
 *   <li>the local path of the download is printed on standard output; a failure exits 1 with the
 *       server's answer on standard error.
 * </ul>
 *
 * It replaces only that Python process: the Java client's own calls, the process it starts and the
 * output it reads are the real ones.
 */
public final class MlflowArtifactsCli {

  private static final String ROUTE = "/api/2.0/mlflow-artifacts/artifacts";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String host;
  private final String root;

  private MlflowArtifactsCli(String host, String root) {
    this.host = host;
    this.root = root;
  }

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(List.of(args));
    if (rest.size() >= 2 && rest.get(0).equals("-m")) {
      rest = rest.subList(2, rest.size());
    }
    if (rest.contains("--help")) {
      System.out.println("Usage: mlflow.store.artifact.cli download --artifact-uri URI");
      return;
    }
    int at = rest.indexOf("--artifact-uri");
    if (rest.isEmpty() || !rest.get(0).equals("download") || at < 0 || at + 1 >= rest.size()) {
      System.err.println("only 'download --artifact-uri URI' is stood in for");
      System.exit(2);
    }
    try {
      System.out.println(download(rest.get(at + 1)));
    } catch (IOException | IllegalStateException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }

  /** Downloads {@code artifactUri} into a new temporary directory; returns the local path. */
  static Path download(String artifactUri) throws IOException, InterruptedException {
    String tracking = System.getenv("MLFLOW_TRACKING_URI");
    if (tracking == null) {
      throw new IllegalStateException("MLFLOW_TRACKING_URI is not set");
    }
    String host = tracking.replaceAll("/+$", "");
    Path dst = Files.createTempDirectory("mlflow-download");
    if (artifactUri.startsWith("models:/")) {
      // ModelsArtifactRepository: the registry names the version's download URI, whose whole
      // tree is downloaded into the destination itself (artifact path "").
      String root = artifactsPath(downloadUri(host, artifactUri.substring("models:/".length())));
      new MlflowArtifactsCli(host, root).downloadChildren("", dst);
      return dst;
    }
    // _download_artifact_from_uri: the parent is the repository, the last segment is fetched.
    String path = artifactsPath(artifactUri);
    int slash = path.lastIndexOf('/');
    String name = path.substring(slash + 1);
    new MlflowArtifactsCli(host, slash < 0 ? "" : path.substring(0, slash)).downloadTo(name, dst);
    return dst.resolve(name);
  }

  /** The path of an {@code mlflow-artifacts:/path} URI. */
  private static String artifactsPath(String uri) {
    if (!uri.startsWith("mlflow-artifacts:/")) {
      throw new IllegalStateException("only mlflow-artifacts:/ URIs are stood in for: " + uri);
    }
    return uri.substring("mlflow-artifacts:".length()).replaceAll("^/+", "");
  }

  /**
   * {@code name/version} or {@code name@alias} → the version's download URI, asked of the registry
   * as {@code get_model_version_download_uri} (after {@code get_model_version_by_alias}).
   */
  @SuppressWarnings("unchecked")
  private static String downloadUri(String host, String model)
      throws IOException, InterruptedException {
    int at = model.lastIndexOf('@');
    String name;
    String version;
    if (at >= 0) {
      name = model.substring(0, at);
      Map<String, Object> answer =
          get(
              host
                  + "/api/2.0/mlflow/registered-models/alias?name="
                  + q(name)
                  + "&alias="
                  + q(model.substring(at + 1)));
      version = (String) ((Map<String, Object>) answer.get("model_version")).get("version");
    } else {
      int slash = model.lastIndexOf('/');
      name = model.substring(0, slash);
      version = model.substring(slash + 1);
    }
    return (String)
        get(host
                + "/api/2.0/mlflow/model-versions/get-download-uri?name="
                + q(name)
                + "&version="
                + q(version))
            .get("artifact_uri");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> get(String uri) throws IOException, InterruptedException {
    HttpResponse<String> res = HTTP.send(request(uri), HttpResponse.BodyHandlers.ofString());
    check(res.statusCode(), res.body());
    return (Map<String, Object>) new TinyJson(res.body()).value();
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The entries below {@code path} ("" for the repository's root) into {@code dst/path}. */
  private void downloadChildren(String path, Path dst) throws IOException, InterruptedException {
    for (Map<String, Object> entry : list(path)) {
      String child = path.isEmpty() ? (String) entry.get("path") : path + "/" + entry.get("path");
      if (Boolean.TRUE.equals(entry.get("is_dir"))) {
        downloadChildren(child, dst);
      } else {
        file(child, dst.resolve(child));
      }
    }
  }

  private void downloadTo(String path, Path dst) throws IOException, InterruptedException {
    List<Map<String, Object>> entries = list(path);
    if (entries.isEmpty()) {
      file(path, dst.resolve(path));
      return;
    }
    Files.createDirectories(dst.resolve(path));
    downloadChildren(path, dst);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> list(String path) throws IOException, InterruptedException {
    String full = root.isEmpty() ? path : path.isEmpty() ? root : root + "/" + path;
    HttpResponse<String> res =
        HTTP.send(
            request(host + ROUTE + "?path=" + URLEncoder.encode(full, StandardCharsets.UTF_8)),
            HttpResponse.BodyHandlers.ofString());
    check(res.statusCode(), res.body());
    Object files = ((Map<String, Object>) new TinyJson(res.body()).value()).get("files");
    return files == null ? List.of() : (List<Map<String, Object>>) files;
  }

  private void file(String path, Path to) throws IOException, InterruptedException {
    Files.createDirectories(to.getParent());
    HttpResponse<InputStream> res =
        HTTP.send(
            request(host + ROUTE + "/" + (root.isEmpty() ? "" : root + "/") + path),
            HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = res.body()) {
      if (res.statusCode() / 100 != 2) {
        check(res.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
      }
      Files.copy(body, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static HttpRequest request(String uri) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).GET();
    String token = System.getenv("MLFLOW_TRACKING_TOKEN");
    String user = System.getenv("MLFLOW_TRACKING_USERNAME");
    String password = System.getenv("MLFLOW_TRACKING_PASSWORD");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    } else if (user != null && password != null) {
      String pair = user + ":" + password;
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    return request.build();
  }

  private static void check(int status, String body) {
    if (status / 100 != 2) {
      throw new IllegalStateException("API request failed with " + status + ": " + body);
    }
  }
}
