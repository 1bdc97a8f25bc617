package dev.cairn.registry.resolve;

import dev.cairn.client.model.Alias;
import dev.cairn.client.model.Resolved;
import dev.cairn.client.model.Version;
import dev.cairn.registry.alias.AliasQueries;
import dev.cairn.registry.artifact.Manifests;
import dev.cairn.registry.artifact.VerifyService;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Names;
import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.model.StoredModel;
import dev.cairn.registry.version.VersionRepository;
import dev.cairn.registry.version.VersionState;
import io.helidon.dbclient.DbExecute;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * {@code GET …/resolve}: what a reference names now. Answers come from the {@link ResolveCache};
 * {@code verify=true} re-hashes the bytes first (and a mismatch fails the version, as verify does)
 * so a tampered version is refused; a verified answer carries {@code verified_at} and is not
 * cached.
 */
public final class ResolveService {

  private final Db db;
  private final ModelLookup lookup;
  private final VersionRepository versions;
  private final AliasQueries aliases;
  private final VersionViews views;
  private final VerifyService verifier;
  private final ResolveCache cache;

  public ResolveService(
      Db db,
      ModelLookup lookup,
      VersionRepository versions,
      AliasQueries aliases,
      VersionViews views,
      VerifyService verifier,
      ResolveCache cache) {
    this.db = db;
    this.lookup = lookup;
    this.versions = versions;
    this.aliases = aliases;
    this.views = views;
    this.verifier = verifier;
    this.cache = cache;
  }

  public Answer resolve(
      Actor actor, String project, String ref, Optional<String> variant, boolean verify) {
    Reference reference = Reference.parse(ref);
    variant.ifPresent(v -> Names.resource("variant", v));
    Answer answer =
        cache.get(
            project,
            reference.model(),
            reference.selector(variant.orElse(null)),
            () -> db.read(exec -> compute(exec, project, ref, reference, variant)));
    if (verify) {
      verifier.verify(
          actor, project, answer.resolved().model(), answer.resolved().version().version());
      return cache.uncached(
          answer.resolved().verified(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }
    return answer;
  }

  private Resolved compute(
      DbExecute exec, String project, String ref, Reference reference, Optional<String> requested) {
    StoredModel m = lookup.model(exec, project, reference.model());
    String variant = requested.orElse(m.view().defaultVariant());
    if (!m.view().variants().contains(variant)) {
      throw new ApiException(
          422,
          "VARIANT_MISMATCH:" + variant,
          "model '" + m.view().name() + "' has no variant '" + variant + "'");
    }
    Long generation = null;
    String versionName = reference.version();
    if (reference.alias() != null) {
      Alias alias =
          aliases
              .find(exec, m, reference.alias())
              .orElseThrow(
                  () ->
                      ApiException.notFound(
                          "ALIAS_NOT_FOUND",
                          "model '"
                              + m.view().name()
                              + "' has no alias '"
                              + reference.alias()
                              + "'"));
      versionName = alias.pointers().get(variant);
      if (versionName == null) {
        throw ApiException.notFound(
            "ALIAS_NOT_FOUND",
            "alias '" + reference.alias() + "' has no pointer for variant '" + variant + "'");
      }
      generation = alias.generation();
    }
    String name = versionName;
    Version stored =
        versions
            .find(exec, m.id(), m.view().name(), name)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "VERSION_NOT_FOUND",
                        "version '" + name + "' of '" + m.view().name() + "' does not exist"))
            .view();
    // Shown as GET …/versions/{v} shows it: the aliases pointing at it, blobs that are gone.
    Version version =
        views.of(exec, project, stored.withAliases(aliases.pointingAt(exec, m, name)));
    if (reference.alias() != null && VersionState.of(version) != VersionState.READY) {
      throw new ApiException(
          422,
          "VERSION_NOT_READY:" + variant,
          "'" + ref + "' points at " + name + ", which is " + version.state());
    }
    return new Resolved(
        ref,
        m.view().name(),
        reference.alias(),
        generation,
        variant,
        version,
        Manifests.view(project, m.view().name(), version));
  }
}
