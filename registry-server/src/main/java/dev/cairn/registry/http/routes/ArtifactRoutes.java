package dev.cairn.registry.http.routes;

import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.artifact.ByteRange;
import dev.cairn.registry.artifact.CompletionService;
import dev.cairn.registry.artifact.FileDownloads;
import dev.cairn.registry.artifact.Imports;
import dev.cairn.registry.artifact.Manifests;
import dev.cairn.registry.artifact.UploadService;
import dev.cairn.registry.artifact.ValidateService;
import dev.cairn.registry.artifact.VerifyService;
import dev.cairn.registry.artifact.VersionDeletion;
import dev.cairn.registry.auth.Role;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.FileUrls;
import dev.cairn.registry.domain.Names;
import dev.cairn.registry.http.RequestBodies;
import dev.cairn.registry.http.request.ApiRequest;
import dev.cairn.registry.http.request.Responses;
import dev.cairn.registry.version.VersionLookup;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The bytes of a version: streamed uploads, completion, the manifest, streamed downloads with
 * {@code ETag} and {@code Range}, and verification.
 */
public final class ArtifactRoutes implements RouteGroup {

  private static final String VERSION =
      "/api/v1/projects/{project}/models/{model}/versions/{version}";
  private static final HeaderName NOSNIFF = HeaderNames.create("X-Content-Type-Options");

  private final UploadService uploads;
  private final CompletionService completion;
  private final Imports imports;
  private final VerifyService verifier;
  private final ValidateService validator;
  private final VersionDeletion deletion;
  private final Db db;
  private final VersionLookup versions;
  private final FileDownloads downloads;
  private final Responses responses;

  /**
   * What changes a version's bytes or state (uploads, imports, completion, verification,
   * validation, deletion), as against the reads below it that only look a version up and stream its
   * files.
   */
  public record Commands(
      UploadService uploads,
      Imports imports,
      CompletionService completion,
      VerifyService verifier,
      ValidateService validator,
      VersionDeletion deletion) {}

  public ArtifactRoutes(
      Commands commands,
      Db db,
      VersionLookup versions,
      FileDownloads downloads,
      Responses responses) {
    this.uploads = commands.uploads();
    this.completion = commands.completion();
    this.imports = commands.imports();
    this.verifier = commands.verifier();
    this.validator = commands.validator();
    this.deletion = commands.deletion();
    this.db = db;
    this.versions = versions;
    this.downloads = downloads;
    this.responses = responses;
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes
        .put(VERSION + "/files/{+path}", this::upload)
        .get(VERSION + "/files/{+path}", this::download)
        .get(VERSION + "/manifest", this::manifest)
        .post(VERSION + "/complete", this::complete)
        .post(VERSION + "/verify", this::verify)
        .post(VERSION + "/validate", this::validate)
        .delete(VERSION, this::delete);
  }

  private void upload(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.PUBLISHER);
    String model = req.model();
    String version = req.version();
    UploadService.Result result =
        uploads.upload(
            req.actor(),
            project,
            model,
            version,
            req.raw().path().pathParameters().get("path"),
            req.raw().headers().first(HeaderNames.create("X-Checksum-Sha256")),
            RequestBodies.open(req.raw()));
    VersionFile file = result.file();
    res.header(HeaderNames.ETAG, etag(file));
    if (result.created()) {
      responses.created(res, FileUrls.of(project, model, version, file.path()), file);
    } else {
      responses.ok(res, file);
    }
  }

  private void download(ApiRequest req, ServerResponse res) throws IOException {
    String project = req.project();
    req.require(Role.READER);
    String model = req.model();
    String version = req.version();
    String path = Names.filePath(req.raw().path().pathParameters().get("path"));
    Version v = db.read(exec -> versions.find(exec, project, model, version)).view();
    VersionFile file =
        v.files().stream()
            .filter(f -> f.path().equals(path) && Boolean.TRUE.equals(f.present()))
            .findFirst()
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "FILE_NOT_FOUND",
                        "'" + path + "' is not a stored file of " + model + ":" + version));
    String etag = etag(file);
    res.header(HeaderNames.ETAG, etag);
    res.header(HeaderNames.ACCEPT_RANGES, "bytes");
    if (req.raw().headers().first(HeaderNames.IF_NONE_MATCH).filter(etag::equals).isPresent()) {
      res.status(304).send();
      return;
    }
    // Saved, never rendered: an uploaded HTML file must not run as the registry's origin.
    res.header(HeaderNames.CONTENT_DISPOSITION, ContentDisposition.attachment(file.path()));
    res.header(NOSNIFF, "nosniff");
    FileDownloads.Where at = new FileDownloads.Where(project, model, version);
    if ("reference".equals(file.source())) {
      FileDownloads.Body body = downloads.reference(at, file);
      res.status(200);
      res.header(HeaderNames.CONTENT_TYPE, "application/octet-stream");
      res.contentLength(file.sizeBytes());
      try (OutputStream out = res.outputStream()) {
        body.writeTo(out);
      }
      return;
    }
    long size = file.sizeBytes();
    Optional<ByteRange> range;
    try {
      range = ByteRange.parse(req.raw().headers().first(HeaderNames.RANGE), size);
    } catch (ByteRange.Unsatisfiable e) {
      throw new ApiException(416, "RANGE_NOT_SATISFIABLE", "the file has " + size + " bytes")
          .header("Content-Range", "bytes */" + size);
    }
    long offset = range.map(ByteRange::offset).orElse(0L);
    long length = range.map(ByteRange::length).orElse(size);
    FileDownloads.Body body = downloads.stored(at, file, offset, length);
    range.ifPresent(r -> res.header(HeaderNames.CONTENT_RANGE, r.contentRange(size)));
    res.status(range.isPresent() ? 206 : 200);
    res.header(HeaderNames.CONTENT_TYPE, "application/octet-stream");
    res.contentLength(length);
    try (OutputStream out = res.outputStream()) {
      body.writeTo(out);
    }
  }

  private void manifest(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.READER);
    String model = req.model();
    String version = req.version();
    Version v = db.read(exec -> versions.find(exec, project, model, version)).view();
    responses.ok(res, Manifests.view(project, model, v));
  }

  private void complete(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.PUBLISHER);
    imports.importPending(req.actor(), project, req.model(), req.version());
    responses.ok(res, completion.complete(req.actor(), project, req.model(), req.version()));
  }

  private void verify(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.PUBLISHER);
    responses.ok(res, verifier.verify(req.actor(), project, req.model(), req.version()));
  }

  private void validate(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.PUBLISHER);
    responses.ok(res, validator.validate(req.actor(), project, req.model(), req.version()));
  }

  private void delete(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.ADMIN);
    deletion.delete(req.actor(), project, req.model(), req.version());
    responses.noContent(res);
  }

  private static String etag(VersionFile file) {
    return "\"sha256:" + file.sha256() + "\"";
  }
}
