package dev.cairn.registry.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.client.multipart.MultipartReader;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.blob.BlobStore;
import dev.cairn.registry.blob.BlobTooLargeException;
import dev.cairn.registry.blob.StagedBlob;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.http.ApiException;
import dev.cairn.registry.http.Names;
import dev.cairn.registry.version.StoredVersion;
import dev.cairn.registry.version.VersionLookup;
import dev.cairn.registry.version.VersionService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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

  private final Db db;
  private final BlobStore blobs;
  private final VersionService versions;
  private final VersionLookup lookup;
  private final CompletionService completion;
  private final BlobCollector collector;
  private final ObjectMapper json;
  private final long maxFileBytes;
  private final long maxJsonBytes;
  private final FileRepository files = new FileRepository();

  public OneShotPublisher(
      Db db,
      BlobStore blobs,
      VersionService versions,
      VersionLookup lookup,
      CompletionService completion,
      BlobCollector collector,
      ObjectMapper json,
      long maxFileBytes,
      long maxJsonBytes) {
    this.db = db;
    this.blobs = blobs;
    this.versions = versions;
    this.lookup = lookup;
    this.completion = completion;
    this.collector = collector;
    this.json = json;
    this.maxFileBytes = maxFileBytes;
    this.maxJsonBytes = maxJsonBytes;
  }

  private record StagedFile(String path, StagedBlob blob) {}

  public Version publish(
      Actor actor, String project, String model, String contentType, InputStream body) {
    MultipartReader reader = new MultipartReader(body, MultipartReader.boundary(contentType));
    List<StagedFile> staged = new ArrayList<>();
    try {
      VersionCreate request = metadata(reader);
      Map<String, FileDeclaration> declared = declared(request);
      stageFiles(reader, declared, staged);
      List<String> missing =
          declared.keySet().stream()
              .filter(p -> staged.stream().noneMatch(s -> s.path().equals(p)))
              .toList();
      if (!missing.isEmpty()) {
        throw new ApiException(422, "VALIDATION_FAILED", "declared files have no part: " + missing)
            .with("missing", missing);
      }
      VersionCreate complete =
          request.withFiles(
              staged.stream()
                  .map(s -> new FileDeclaration(s.path(), s.blob().sha256(), s.blob().size(), null))
                  .toList());
      return db.inTransaction(
          tx -> {
            // Under the digests' locks the blobs become visible (validation reads them back) and
            // referenced in one go: a collector of the same digest waits, then sees the reference.
            BlobLocks.lockAll(tx, staged.stream().map(s -> s.blob().sha256()).toList());
            staged.forEach(OneShotPublisher::commit);
            Version created = versions.createIn(tx, actor, project, model, complete);
            StoredVersion stored = lookup.lock(tx, project, model, created.version());
            for (StagedFile s : staged) {
              files.markPresent(tx, stored.id(), s.path());
            }
            Version done =
                completion.completeIn(tx, actor, project, model, created.version(), List.of());
            if (!"READY".equals(done.state())) {
              throw new ApiException(
                      422, "VALIDATION_FAILED", "the version did not pass validation")
                  .with("validation", done.validation());
            }
            return done;
          });
    } catch (IOException e) {
      throw ApiException.badRequest("the upload was interrupted: " + e.getMessage());
    } catch (RuntimeException e) {
      // Blobs made visible inside the failed transaction are collected again.
      staged.forEach(s -> collector.collect(s.blob().sha256()));
      if (Db.isUniqueViolation(e)) {
        throw ApiException.conflict(
            "VERSION_EXISTS", "that version already exists in model '" + model + "'");
      }
      throw e;
    } finally {
      staged.forEach(OneShotPublisher::close);
    }
  }

  private VersionCreate metadata(MultipartReader reader) throws IOException {
    MultipartReader.Part first =
        reader.next().orElseThrow(() -> ApiException.badRequest("the body has no parts"));
    if (!first.name().equals("metadata")) {
      throw ApiException.badRequest("the first part must be 'metadata' (the version's JSON)");
    }
    byte[] bytes = first.content().readNBytes((int) maxJsonBytes + 1);
    if (bytes.length > maxJsonBytes) {
      throw new ApiException(
          413, "PAYLOAD_TOO_LARGE", "metadata is limited to " + maxJsonBytes + " bytes");
    }
    try {
      return json.readValue(bytes, VersionCreate.class);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("metadata is not a valid version: " + e.getOriginalMessage());
    }
  }

  private static Map<String, FileDeclaration> declared(VersionCreate request) {
    Map<String, FileDeclaration> declared = new LinkedHashMap<>();
    for (FileDeclaration f :
        request.files() == null ? List.<FileDeclaration>of() : request.files()) {
      if (f.uri() != null) {
        throw ApiException.badRequest(
            "references are declared with a JSON POST, not in a one-shot upload");
      }
      declared.put(Names.filePath(f.path()), f);
    }
    return declared;
  }

  private void stageFiles(
      MultipartReader reader, Map<String, FileDeclaration> declared, List<StagedFile> staged)
      throws IOException {
    Set<String> seen = new HashSet<>();
    Optional<MultipartReader.Part> part;
    while ((part = reader.next()).isPresent()) {
      String path = Names.filePath(part.get().name());
      if (!seen.add(path)) {
        throw ApiException.badRequest("file '" + path + "' comes twice");
      }
      FileDeclaration declaration = declared.get(path);
      long limit = declaration == null ? maxFileBytes : declaration.sizeBytes();
      StagedBlob blob;
      try {
        blob = blobs.stage(part.get().content(), limit);
      } catch (BlobTooLargeException e) {
        throw declaration == null
            ? new ApiException(413, "PAYLOAD_TOO_LARGE", "files are limited to " + limit + " bytes")
            : DigestChecks.mismatch("'" + path + "' is larger than declared");
      }
      staged.add(new StagedFile(path, blob));
      if (declaration != null) {
        DigestChecks.requireMatch(path, declaration.sha256(), declaration.sizeBytes(), blob);
      }
    }
  }

  private static void commit(StagedFile s) {
    try {
      s.blob().commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void close(StagedFile s) {
    try {
      s.blob().close();
    } catch (IOException e) {
      // Leftover staging files are cleared at the next start.
    }
  }
}
