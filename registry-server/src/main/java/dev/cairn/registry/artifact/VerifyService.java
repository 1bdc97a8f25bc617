package dev.cairn.registry.artifact;

import dev.cairn.client.model.FileCheck;
import dev.cairn.client.model.Verification;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.blob.BlobStore;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.version.VersionLookup;
import dev.cairn.registry.version.VersionState;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code POST …/verify}: re-hashes every stored file now. Bytes changed behind the registry's back
 * mark the version {@code FAILED}, are audited and announced as {@code version.failed}, and answer
 * 422 naming the files. A reference whose source cannot be reached answers 503 {@code
 * SOURCE_UNAVAILABLE} and changes nothing. When a publisher's verify passes on a version that was
 * READY and FAILED on its bytes, it is READY again ({@code VERSION_RECOVERED}, {@code
 * version.ready}).
 */
public final class VerifyService {

  private static final String UNAVAILABLE = "UNAVAILABLE";

  /** Roles whose passing verify returns a version FAILED on its bytes to READY. */
  private static final Set<String> PUBLISHING = Set.of("publisher", "admin");

  private final Db db;
  private final BlobStore blobs;
  private final VersionLookup versions;
  private final FileRepository files = new FileRepository();
  private final ReferenceFetcher references;
  private final ChecksumFailures failures;

  public VerifyService(
      Db db,
      BlobStore blobs,
      VersionLookup versions,
      ChecksumFailures failures,
      ReferenceFetcher references) {
    this.db = db;
    this.blobs = blobs;
    this.versions = versions;
    this.failures = failures;
    this.references = references;
  }

  public Verification verify(Actor actor, String project, String model, String version) {
    Version current = db.read(exec -> versions.find(exec, project, model, version)).view();
    List<FileCheck> checks = new ArrayList<>();
    for (VersionFile f : current.files()) {
      if (Boolean.TRUE.equals(f.present())) {
        checks.add(check(f));
      }
    }
    List<FileCheck> bad =
        checks.stream()
            .filter(c -> c.status().equals("MISMATCH") || c.status().equals("MISSING"))
            .toList();
    if (bad.isEmpty() && checks.stream().anyMatch(c -> c.status().equals(UNAVAILABLE))) {
      // A source that cannot be reached is not a checksum mismatch: the version stays as it is.
      throw new ApiException(
              503,
              "SOURCE_UNAVAILABLE",
              "a reference of " + model + ":" + version + " could not be fetched; nothing changed")
          .header("Retry-After", "30")
          .with("files", checks);
    }
    if (bad.isEmpty()) {
      if (VersionState.of(current) == VersionState.FAILED
          && actor.roles().stream().anyMatch(PUBLISHING::contains)) {
        failures.recover(actor, project, model, version);
      }
      return new Verification("VERIFIED", checks);
    }
    failures.fail(
        actor,
        project,
        model,
        version,
        "VERSION_VERIFY_FAILED",
        "verify found changed or missing bytes: " + bad.stream().map(FileCheck::path).toList());
    throw new ApiException(
            422,
            "CHECKSUM_MISMATCH",
            bad.size() + " file(s) of " + model + ":" + version + " no longer match their digest")
        .with("files", bad);
  }

  private FileCheck check(VersionFile f) {
    // Stored bytes come from the blob store; references are fetched again from their source.
    try (InputStream in =
        "reference".equals(f.source())
            ? references.open(f.uri())
            : blobs.open(f.sha256(), 0, f.sizeBytes())) {
      StreamDigest digest = StreamDigest.of(in, f.sizeBytes());
      boolean ok = digest.matches(f.sha256(), f.sizeBytes());
      // What a reference holds now is not the caller's to learn (no digest oracle).
      String actual = ok || !"reference".equals(f.source()) ? digest.sha256() : null;
      return new FileCheck(f.path(), f.sha256(), actual, ok ? "OK" : "MISMATCH");
    } catch (IOException e) {
      // A stored blob that is gone is an integrity failure; a reference's source can come back.
      return new FileCheck(
          f.path(), f.sha256(), null, "reference".equals(f.source()) ? UNAVAILABLE : "MISSING");
    }
  }
}
