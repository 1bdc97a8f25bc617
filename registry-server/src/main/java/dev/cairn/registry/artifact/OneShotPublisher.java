package dev.cairn.registry.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.common.multipart.MultipartReader;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.blob.BlobStore;
import dev.cairn.registry.blob.BlobTooLargeException;
import dev.cairn.registry.blob.StagedBlob;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.JsonLimits;
import dev.cairn.registry.domain.Names;
import dev.cairn.registry.domain.VersionLimits;
import dev.cairn.registry.version.FileDeclarations;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The multipart one-shot {@code POST …/versions}: part {@code metadata} (the JSON of a version),
 * then one part per file (part name = path). Every file is staged and checked first; then one
 * transaction locks their digests, makes the blobs visible (validation reads them back), creates
 * the version, records its files and completes it. Any failure keeps nothing: no row, no event, and
 * the blobs are collected again.
 */
public final class OneShotPublisher {

  private final BlobStore blobs;
  private final UploadedVersions uploads;
  private final ObjectMapper json;
  private final long maxFileBytes;
  private final long maxJsonBytes;

  public OneShotPublisher(
      BlobStore blobs,
      UploadedVersions uploads,
      ObjectMapper json,
      long maxFileBytes,
      long maxJsonBytes) {
    this.blobs = blobs;
    this.uploads = uploads;
    this.json = JsonLimits.forRequests(json);
    this.maxFileBytes = maxFileBytes;
    this.maxJsonBytes = maxJsonBytes;
  }

  public Version publish(
      Actor actor, String project, String model, String contentType, InputStream body) {
    return uploads.timed("one_shot", () -> publishTimed(actor, project, model, contentType, body));
  }

  private Version publishTimed(
      Actor actor, String project, String model, String contentType, InputStream body) {
    MultipartReader reader = new MultipartReader(body, MultipartReader.boundary(contentType));
    try (StagedFiles staged = new StagedFiles()) {
      VersionCreate request = metadata(reader);
      Map<String, FileDeclaration> declared = declared(request);
      Optional<byte[]> modelSig = stageFiles(reader, declared, staged);
      List<String> missing = declared.keySet().stream().filter(p -> !staged.has(p)).toList();
      if (!missing.isEmpty()) {
        throw new ApiException(422, "VALIDATION_FAILED", "declared files have no part: " + missing)
            .with("missing", missing);
      }
      return uploads.publish(actor, project, model, request, staged, modelSig);
    } catch (IOException e) {
      throw ApiException.badRequest("the upload was interrupted: " + e.getMessage());
    }
  }

  private VersionCreate metadata(MultipartReader reader) throws IOException {
    MultipartReader.Part first =
        reader.next().orElseThrow(() -> ApiException.badRequest("the body has no parts"));
    if (!first.name().equals("metadata")) {
      throw ApiException.badRequest("the first part must be 'metadata' (the version's JSON)");
    }
    // Like a JSON declaration, the metadata part may declare every file a version can have.
    long limit = VersionLimits.declarationBytes(maxJsonBytes);
    byte[] bytes = first.content().readNBytes((int) limit + 1);
    if (bytes.length > limit) {
      throw new ApiException(
          413, "PAYLOAD_TOO_LARGE", "metadata is limited to " + limit + " bytes");
    }
    try {
      return json.readValue(bytes, VersionCreate.class);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("metadata is not a valid version: " + e.getOriginalMessage());
    }
  }

  /**
   * The declared files by path, held to the checks (and messages) of a JSON declaration; a file's
   * {@code size_bytes} may be left out here, as its part brings the bytes.
   */
  private static Map<String, FileDeclaration> declared(VersionCreate request) {
    List<FileDeclaration> files = request.files() == null ? List.of() : request.files();
    FileDeclarations.valid(files.stream().map(OneShotPublisher::sizedForChecks).toList());
    Map<String, FileDeclaration> declared = new LinkedHashMap<>();
    for (FileDeclaration f : files) {
      if (f.uri() != null) {
        throw ApiException.badRequest(
            "references are declared with a JSON POST, not in a one-shot upload");
      }
      String path = Names.filePath(f.path());
      if (ModelSigFile.is(path)) {
        throw ApiException.badRequest(
            "model.sig is the version's signature, not one of its files: send it as a part, undeclared");
      }
      declared.put(path, f);
    }
    return declared;
  }

  private static FileDeclaration sizedForChecks(FileDeclaration f) {
    return f == null || f.sizeBytes() != null
        ? f
        : new FileDeclaration(f.path(), f.sha256(), 0L, f.uri(), f.importCopy());
  }

  /** Stages every part; a {@code model.sig} part is read aside and returned (issue 28). */
  private Optional<byte[]> stageFiles(
      MultipartReader reader, Map<String, FileDeclaration> declared, StagedFiles staged)
      throws IOException {
    Set<String> seen = new HashSet<>();
    Optional<byte[]> modelSig = Optional.empty();
    Optional<MultipartReader.Part> part;
    while ((part = reader.next()).isPresent()) {
      String path = Names.filePath(part.get().name());
      if (!seen.add(path)) {
        throw ApiException.badRequest("file '" + path + "' comes twice");
      }
      if (ModelSigFile.is(path)) {
        modelSig = Optional.of(ModelSigFile.read(part.get().content()));
        continue;
      }
      FileDeclaration declaration = declared.get(path);
      Long declaredSize = declaration == null ? null : declaration.sizeBytes();
      long limit = declaredSize == null ? maxFileBytes : declaredSize;
      StagedBlob blob;
      try {
        blob = blobs.stage(part.get().content(), limit);
      } catch (BlobTooLargeException e) {
        throw declaredSize == null
            ? new ApiException(413, "PAYLOAD_TOO_LARGE", "files are limited to " + limit + " bytes")
            : DigestChecks.mismatch("'" + path + "' is larger than declared");
      }
      staged.add(path, blob);
      if (declaration != null) {
        DigestChecks.requireMatch(
            path, declaration.sha256(), declaredSize == null ? blob.size() : declaredSize, blob);
      }
    }
    return modelSig;
  }
}
