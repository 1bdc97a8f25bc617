package dev.cairn.registry.artifact;

import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.blob.StagedBlob;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.signature.SignatureService;
import dev.cairn.registry.version.AutoName;
import dev.cairn.registry.version.StoredVersion;
import dev.cairn.registry.version.VersionLookup;
import dev.cairn.registry.version.VersionService;
import dev.cairn.registry.version.VersionState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Publishes a version whose files are already staged, for both one-shot paths (multipart upload,
 * STD registration). One transaction locks the digests, makes the blobs visible (validation reads
 * them back), creates the version, records its files and completes it; a collector of the same
 * digest waits for the lock and then sees the reference. If the transaction fails, the blobs are
 * collected again. Closing the staged blobs stays with whoever staged them ({@link StagedFiles}).
 * Public so the wiring builds it once for the uploads ({@link UploadedVersions}) and the local
 * files ({@link LocalFilePublisher}). A {@code model.sig} that came with the files is verified and
 * attached in the same transaction (issue 28).
 */
public final class StagedPublication {

  /** A staged file and the path it takes in the version. */
  record StagedFile(String path, StagedBlob blob) {}

  private final Db db;
  private final VersionService versions;
  private final VersionLookup lookup;
  private final CompletionService completion;
  private final BlobCollector collector;
  private final SignatureService signatures;
  private final FileRepository files = new FileRepository();

  public StagedPublication(
      Db db,
      VersionService versions,
      VersionLookup lookup,
      CompletionService completion,
      BlobCollector collector,
      SignatureService signatures) {
    this.signatures = signatures;
    this.db = db;
    this.versions = versions;
    this.lookup = lookup;
    this.completion = completion;
    this.collector = collector;
  }

  /**
   * Publishes {@code request} with {@code staged} as its files. With {@code requireReady} a version
   * that fails validation is refused (422, nothing kept); without it, it is kept as FAILED. A
   * version without a name gets the next of {@code series}.
   */
  Version publish(
      Actor actor,
      String project,
      String model,
      VersionCreate request,
      List<StagedFile> staged,
      boolean requireReady,
      AutoName series,
      Optional<byte[]> modelSig) {
    VersionCreate complete =
        request.withFiles(
            staged.stream()
                .map(s -> new FileDeclaration(s.path(), s.blob().sha256(), s.blob().size(), null))
                .toList());
    try {
      return db.inTransaction(
          tx -> {
            BlobLocks.lockAll(tx, staged.stream().map(s -> s.blob().sha256()).toList());
            staged.forEach(StagedPublication::commit);
            Version created = versions.createIn(tx, actor, project, model, complete, series);
            StoredVersion stored = lookup.lock(tx, project, model, created.version());
            for (StagedFile s : staged) {
              files.markPresent(tx, stored.id(), s.path());
            }
            Version done =
                completion.completeIn(tx, actor, project, model, created.version(), List.of());
            if (requireReady && VersionState.of(done) != VersionState.READY) {
              String code = FormatValidation.answerCode(done.validation());
              throw new ApiException(
                      422,
                      code,
                      done.failure() == null
                          ? "the version did not pass validation"
                          : done.failure().detail())
                  .with("validation", done.validation());
            }
            if (modelSig.isPresent()) {
              return signatures.attach(tx, actor, project, model, done, modelSig.get());
            }
            return done;
          });
    } catch (RuntimeException e) {
      staged.forEach(s -> collector.collect(s.blob().sha256()));
      throw e;
    }
  }

  private static void commit(StagedFile s) {
    try {
      s.blob().commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
