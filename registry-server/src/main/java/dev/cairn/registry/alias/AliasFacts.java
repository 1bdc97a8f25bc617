package dev.cairn.registry.alias;

import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasRollback;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.Model;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.Version;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.model.StoredModel;
import dev.cairn.registry.signature.SignatureStatus;
import dev.cairn.registry.version.StoredVersion;
import dev.cairn.registry.version.VersionRepository;
import io.helidon.dbclient.DbTransaction;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an alias change is decided from, read in its transaction before anything is decided:
 * the model and its project's policies, the alias row (locked), what the request asks, each version
 * a changed pointer would point at (empty where it does not exist), and the alias's recent writes
 * when the rate limit applies. {@link AliasPolicy} decides from these alone.
 */
public record AliasFacts(
    Caller caller,
    Model model,
    Policies policies,
    StoredAlias current,
    Optional<Long> expectedGeneration,
    AliasRequest request,
    Map<String, Optional<Version>> targets,
    Optional<AliasRepository.RecentWrites> recentWrites,
    Instant now) {

  /** Where the facts are read from. */
  public record Sources(
      ModelLookup lookup,
      AliasRepository aliases,
      VersionRepository versions,
      SignatureStatus signatures) {}

  /**
   * Reads the facts of {@code command}: the model, the alias locked (created empty for a PUT or
   * rollback; 404 for a DELETE of an alias that does not exist), then what the proposal needs.
   */
  public static AliasFacts load(DbTransaction tx, AliasCommand command, Sources from) {
    AliasRef target = command.target();
    Caller caller = command.caller();
    Optional<Long> expected = command.expectedGeneration();
    ModelLookup.Located where = from.lookup().locate(tx, target.project(), target.model());
    StoredModel m = where.model();
    Policies policies = where.project().view().policies();
    if (command instanceof AliasCommand.Delete) {
      StoredAlias current =
          from.aliases()
              .lock(tx, m.id(), target.alias())
              .filter(a -> a.view().generation() > 0)
              .orElseThrow(() -> AliasService.notFound(target.model(), target.alias()));
      return new AliasFacts(
          caller,
          m.view(),
          policies,
          current,
          expected,
          new AliasRequest.Delete(),
          Map.of(),
          Optional.empty(),
          Rows.now());
    }
    // The request's own 400s come before the alias is locked (or created).
    Optional<AliasRequest.Put> put =
        command instanceof AliasCommand.Put p
            ? Optional.of(asked(m.view(), p.update()))
            : Optional.empty();
    List<String> variants =
        command instanceof AliasCommand.Rollback r
            ? PointerProposals.rollbackVariants(m.view(), r.request().variants())
            : List.of();
    StoredAlias current =
        from.aliases().lockOrCreate(tx, m.id(), target.alias(), caller.actor().name());
    // Read once the row is ours: a change that waited for the lock is stamped after the one before.
    Instant now = Rows.now();
    AliasRequest request =
        switch (command) {
          case AliasCommand.Put p -> put.orElseThrow();
          case AliasCommand.Rollback r -> rollback(tx, from, current, r.request(), variants);
          case AliasCommand.Delete d -> throw new IllegalStateException("a DELETE was loaded");
        };
    Optional<Map<String, String>> proposed = PointerProposals.proposed(current.view(), request);
    Map<String, Optional<Version>> targets = new LinkedHashMap<>();
    for (Map.Entry<String, String> pointer :
        proposed.map(AliasRepository::sorted).orElse(Map.of()).entrySet()) {
      if (!Objects.equals(current.view().pointers().get(pointer.getKey()), pointer.getValue())) {
        targets.put(
            pointer.getValue(),
            from.versions()
                .findHead(tx, m.id(), m.view().name(), pointer.getValue())
                .map(StoredVersion::view)
                // Read only when a decision may need it: the policy is off in most projects.
                .map(
                    v ->
                        policies.signatureRequired()
                            ? from.signatures().of(tx, target.project(), v)
                            : v));
      }
    }
    Optional<AliasRepository.RecentWrites> recent =
        proposed.isPresent()
                && AliasPolicy.rateLimited(m.view(), policies, current.view(), request)
                && AliasPolicy.changes(current.view(), proposed.get(), request)
            ? Optional.of(from.aliases().recentWrites(tx, current.id(), now.minusSeconds(60)))
            : Optional.empty();
    return new AliasFacts(
        caller, m.view(), policies, current, expected, request, targets, recent, now);
  }

  /** What a PUT asks: 400 for a release without its owner or for pointers the model cannot have. */
  private static AliasRequest.Put asked(Model model, AliasUpdate update) {
    boolean release = Boolean.TRUE.equals(update.releaseManagedBy());
    if (release && update.managedBy() == null) {
      throw ApiException.badRequest("release_managed_by needs managed_by naming the owner");
    }
    Map<String, String> named =
        release && update.pointers() == null && update.version() == null
            ? Map.of()
            : PointerProposals.named(model, update);
    return new AliasRequest.Put(
        named, release, update.managedBy(), update.approvedBy(), update.reason());
  }

  /** What a rollback asks, with the pointers of the generation it returns to (if it exists). */
  private static AliasRequest.Rollback rollback(
      DbTransaction tx,
      Sources from,
      StoredAlias current,
      AliasRollback request,
      List<String> variants) {
    Long to = request.toGeneration();
    long generation = current.view().generation();
    long back = to == null ? generation - 1 : to;
    // An impossible target is refused by the policy (after the precondition checks); not read.
    Optional<Map<String, String>> earlier =
        (to != null && to >= generation) || back < 1
            ? Optional.empty()
            : from.aliases().pointersAt(tx, current.id(), back);
    return new AliasRequest.Rollback(
        to, variants, earlier, request.managedBy(), request.approvedBy(), request.reason());
  }

  /** The alias as it was before the change. */
  Alias before() {
    return current.view();
  }
}
