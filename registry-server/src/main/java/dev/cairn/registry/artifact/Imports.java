package dev.cairn.registry.artifact;

import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.version.VersionLookup;
import dev.cairn.registry.version.VersionState;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Copies the files a version declared with {@code import: true} from their references into the blob
 * store, before {@code complete} (seed 003 registers "from an artifacts dir" and expects immutable
 * storage). Each copy is an upload whose bytes the registry fetched itself: checked against the
 * pinned digest and size, audited as {@code VERSION_FILE_UPLOAD}. A source that cannot be read is
 * 422 {@code SOURCE_UNAVAILABLE} and the version stays PENDING.
 */
public final class Imports {

  private static final Logger LOG = Logger.getLogger(Imports.class.getName());

  private final Db db;
  private final VersionLookup versions;
  private final ReferenceFetcher references;
  private final UploadService uploads;

  public Imports(
      Db db, VersionLookup versions, ReferenceFetcher references, UploadService uploads) {
    this.db = db;
    this.versions = versions;
    this.references = references;
    this.uploads = uploads;
  }

  /** Imports every declared-for-import file not stored yet; a READY version has none left. */
  public void importPending(Actor actor, String project, String model, String version) {
    Version current = db.read(exec -> versions.find(exec, project, model, version)).view();
    if (VersionState.of(current) != VersionState.PENDING) {
      return;
    }
    for (VersionFile f : current.files()) {
      if (!"upload".equals(f.source()) || f.uri() == null || Boolean.TRUE.equals(f.present())) {
        continue;
      }
      try (InputStream in = references.open(f.uri())) {
        uploads.upload(actor, project, model, version, f.path(), Optional.empty(), in);
      } catch (IOException e) {
        LOG.warning("import of " + f.uri() + " into " + model + ":" + version + ": " + e);
        throw ReferenceAnswers.unavailable(f.path());
      }
    }
  }
}
