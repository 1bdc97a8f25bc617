package dev.cairn.registry.http.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.artifact.FileDownloads;
import dev.cairn.registry.auth.Role;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.ProjectNotFound;
import dev.cairn.registry.http.request.ApiRequest;
import dev.cairn.registry.http.request.Responses;
import dev.cairn.registry.mlflow.MlflowArtifactPath;
import dev.cairn.registry.mlflow.MlflowErrorCodes;
import dev.cairn.registry.version.VersionService;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;

/**
 * MLflow's artifact protocol over a version's pinned files ({@code mlflow_artifacts.proto}, what
 * MLflow's {@code HttpArtifactRepository} calls): {@code GET …/artifacts?path=} lists a directory
 * as {@code {"files": [{path, is_dir, file_size}]}}, {@code GET …/artifacts/<path>} streams a file.
 * The bytes come through the same {@link FileDownloads} as the native download: hashed on the way
 * and cut off on a mismatch, so an MLflow client gets the pinned bytes or a broken transfer, never
 * other bytes.
 */
public final class MlflowArtifactRoutes implements RouteGroup {

  static final String ARTIFACTS = "/api/2.0/mlflow-artifacts/artifacts";
  private static final HeaderName NOSNIFF = HeaderNames.create("X-Content-Type-Options");

  private final VersionService versions;
  private final FileDownloads downloads;
  private final Responses responses;

  public MlflowArtifactRoutes(
      VersionService versions, FileDownloads downloads, Responses responses) {
    this.versions = versions;
    this.downloads = downloads;
    this.responses = responses;
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes.get(ARTIFACTS, this::list).get(ARTIFACTS + "/{+path}", this::download);
  }

  private void list(ApiRequest req, ServerResponse res) {
    MlflowArtifactPath at = MlflowArtifactPath.parse(req.query("path").orElse(null));
    Version v = version(req, at);
    ObjectNode answer = responses.json().createObjectNode();
    ArrayNode files = answer.putArray("files");
    for (MlflowArtifactPath.Entry entry : at.list(v.files())) {
      ObjectNode info = files.addObject().put("path", entry.path()).put("is_dir", entry.dir());
      if (!entry.dir()) {
        info.put("file_size", entry.size());
      }
    }
    responses.ok(res, answer);
  }

  private void download(ApiRequest req, ServerResponse res) throws IOException {
    MlflowArtifactPath at = MlflowArtifactPath.parse(req.raw().path().pathParameters().get("path"));
    Version v = version(req, at);
    String path =
        at.below()
            .orElseThrow(
                () -> MlflowErrorCodes.invalid("a version is a directory: list it with ?path="));
    VersionFile file =
        v.files().stream()
            .filter(f -> f.path().equals(path) && Boolean.TRUE.equals(f.present()))
            .findFirst()
            .orElseThrow(
                () ->
                    MlflowErrorCodes.missing(
                        "'"
                            + path
                            + "' is not a stored file of "
                            + at.model()
                            + ":"
                            + v.version()));
    res.header(HeaderNames.ETAG, "\"sha256:" + file.sha256() + "\"");
    res.header(HeaderNames.CONTENT_DISPOSITION, ContentDisposition.attachment(file.path()));
    res.header(NOSNIFF, "nosniff");
    FileDownloads.Where where = new FileDownloads.Where(at.project(), at.model(), v.version());
    FileDownloads.Body body =
        "reference".equals(file.source())
            ? downloads.reference(where, file)
            : downloads.stored(where, file, 0, file.sizeBytes());
    res.status(200);
    res.header(HeaderNames.CONTENT_TYPE, "application/octet-stream");
    res.contentLength(file.sizeBytes());
    try (OutputStream out = res.outputStream()) {
      body.writeTo(out);
    }
  }

  private Version version(ApiRequest req, MlflowArtifactPath at) {
    req.require(Role.READER);
    if (!req.principal().canSee(at.project())) {
      throw MlflowErrorCodes.missing(ProjectNotFound.of(at.project()).detail());
    }
    try {
      return versions.get(at.project(), at.model(), at.version());
    } catch (ApiException e) {
      throw e.status() == 404 ? MlflowErrorCodes.missing(e.detail()) : e;
    }
  }
}
