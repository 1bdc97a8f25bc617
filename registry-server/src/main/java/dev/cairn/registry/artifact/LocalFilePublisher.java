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
 * images and {@code signature.json}): the files are staged, then one transaction locks their
 * digests, makes the blobs visible (validation reads them), creates, records and completes the
 * version. The result is {@code READY} or {@code FAILED} as validation decides; if the transaction
 * fails, the blobs are collected again.
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
    List<StagedBlob> staged = new ArrayList<>();
    try {
      for (Map.Entry<String, Path> file : local.entrySet()) {
        try (InputStream in = Files.newInputStream(file.getValue())) {
          StagedBlob blob = blobs.stage(in, Long.MAX_VALUE);
          staged.add(blob);
          declared.add(new FileDeclaration(file.getKey(), blob.sha256(), blob.size(), null));
        }
      }
      VersionCreate complete = request.withFiles(declared);
      return db.inTransaction(
          tx -> {
            // Visible (validation reads them) and referenced under the digests' locks, as in
            // OneShotPublisher.
            BlobLocks.lockAll(tx, staged.stream().map(StagedBlob::sha256).toList());
            staged.forEach(LocalFilePublisher::commit);
            Version created = versions.createIn(tx, actor, project, model, complete);
            StoredVersion stored = lookup.lock(tx, project, model, created.version());
            for (FileDeclaration f : declared) {
              files.markPresent(tx, stored.id(), f.path());
            }
            return completion.completeIn(tx, actor, project, model, created.version(), List.of());
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      staged.forEach(blob -> collector.collect(blob.sha256()));
      throw e;
    } finally {
      staged.forEach(LocalFilePublisher::close);
    }
  }

  private static void commit(StagedBlob blob) {
    try {
      blob.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void close(StagedBlob blob) {
    try {
      blob.close();
    } catch (IOException e) {
      // Leftover staging files are cleared at the next start.
    }
  }
}
