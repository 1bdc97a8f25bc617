package dev.cairn.registry.artifact;

import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.version.FileDeclarations;
import dev.cairn.registry.version.VersionService;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a version whose files are all references in one step: each is fetched and checked
 * against its pinned digest first, then one transaction declares the version and completes it (the
 * same audit entries and events as {@code POST …/versions} then {@code …/complete}). A source that
 * cannot be read or does not match leaves nothing behind, so a client that retries a refused call
 * (MLflow's do) cannot pile up PENDING versions.
 */
public final class ReferencePublisher {

  private final Db db;
  private final VersionService versions;
  private final ReferenceFetcher references;
  private final CompletionService completion;

  public ReferencePublisher(
      Db db, VersionService versions, ReferenceFetcher references, CompletionService completion) {
    this.db = db;
    this.versions = versions;
    this.references = references;
    this.completion = completion;
  }

  public Version publish(Actor actor, String project, String model, VersionCreate request) {
    List<String> verified = new ArrayList<>();
    for (VersionFile f : FileDeclarations.valid(request.files())) {
      if (!"reference".equals(f.source())) {
        throw ApiException.badRequest("file '" + f.path() + "' needs a uri to fetch it from");
      }
      if (!ReferenceCheck.matches(references, f, project + "/" + model + " (new version)")) {
        throw new ApiException(400, "CHECKSUM_MISMATCH", ReferenceAnswers.mismatch(f.path()));
      }
      verified.add(f.path());
    }
    return db.inTransaction(
        tx -> {
          Version declared = versions.createIn(tx, actor, project, model, request);
          return completion.completeIn(tx, actor, project, model, declared.version(), verified);
        });
  }
}
