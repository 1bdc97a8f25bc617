package dev.cairn.registry.artifact;

import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.blob.BlobStore;
import dev.cairn.registry.blob.StagedBlob;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.version.StoredVersion;
import dev.cairn.registry.version.VersionLookup;
import dev.cairn.registry.version.VersionService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Publishes a version whose files the server itself produced on local disk (an STD registration's
 * images and {@code signature.json}): the blobs are committed first, because validation reads them,
 * then one transaction creates, records and completes the version. The result is {@code READY} or
 * {@code FAILED} as validation decides; if the transaction fails, the blobs are collected again.
 */
public final class LocalFilePublisher {

  private final Db db;
  private final BlobStore blobs;
  private final VersionService versions;
  private final VersionLookup lookup;
  private final CompletionService completion;
  private final BlobCollector collector;
  private final FileRepository files = new FileRepository();

  public LocalFilePublisher(
      Db db,
      BlobStore blobs,
      VersionService versions,
      VersionLookup lookup,
      CompletionService completion,
      BlobCollector collector) {
    this.db = db;
    this.blobs = blobs;
    this.versions = versions;
    this.lookup = lookup;
    this.completion = completion;
    this.collector = collector;
  }

  /** Publishes {@code request} with {@code local} files (version path → file on disk). */
  public Version publish(
      Actor actor, String project, String model, VersionCreate request, Map<String, Path> local) {
    List<FileDeclaration> declared = new ArrayList<>();
    List<String> committed = new ArrayList<>();
    try {
      for (Map.Entry<String, Path> file : local.entrySet()) {
        try (InputStream in = Files.newInputStream(file.getValue());
            StagedBlob blob = blobs.stage(in, Long.MAX_VALUE)) {
          blob.commit();
          committed.add(blob.sha256());
          declared.add(new FileDeclaration(file.getKey(), blob.sha256(), blob.size(), null));
        }
      }
      VersionCreate complete = request.withFiles(declared);
      return db.inTransaction(
          tx -> {
            Version created = versions.createIn(tx, actor, project, model, complete);
            StoredVersion stored = lookup.lock(tx, project, model, created.version());
            for (FileDeclaration f : declared) {
              BlobLocks.lock(tx, f.sha256());
              files.markPresent(tx, stored.id(), f.path());
            }
            return completion.completeIn(tx, actor, project, model, created.version(), List.of());
          });
    } catch (IOException e) {
      committed.forEach(collector::collect);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      committed.forEach(collector::collect);
      throw e;
    }
  }
}
