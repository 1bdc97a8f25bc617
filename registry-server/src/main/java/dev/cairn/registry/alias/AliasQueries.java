package dev.cairn.registry.alias;

import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasHistoryEntry;
import dev.cairn.client.model.Page;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.model.StoredModel;
import dev.cairn.registry.paging.PageTokens;
import dev.cairn.registry.paging.Pages;
import dev.cairn.registry.pointer.AliasPointers;
import dev.cairn.registry.signature.SignatureStatus;
import dev.cairn.registry.version.VersionRepository;
import io.helidon.dbclient.DbExecute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads aliases: one, all of a model (with the computed {@code latest}), history pages, and which
 * aliases point at a version.
 */
public final class AliasQueries {

  private final Db db;
  private final ModelLookup lookup;
  private final AliasRepository aliases;
  private final PageTokens pageTokens;
  private final AliasPointers pointers;
  private final VersionRepository versions;
  private final SignatureStatus signatures;

  public AliasQueries(
      Db db,
      ModelLookup lookup,
      AliasRepository aliases,
      PageTokens pageTokens,
      AliasPointers pointers,
      VersionRepository versions,
      SignatureStatus signatures) {
    this.versions = versions;
    this.signatures = signatures;
    this.db = db;
    this.lookup = lookup;
    this.aliases = aliases;
    this.pageTokens = pageTokens;
    this.pointers = pointers;
  }

  /** The aliases that point at {@code version} in some variant, sorted, as a version lists them. */
  public List<String> pointingAt(DbExecute exec, StoredModel m, String version) {
    return pointers.aliasesOf(exec, m.id(), version);
  }

  public Alias get(String project, String model, String alias) {
    return db.read(
        exec -> {
          StoredModel m = lookup.model(exec, project, model);
          Alias found = find(exec, m, alias).orElseThrow(() -> AliasService.notFound(model, alias));
          return found.withSignature(signatureStatus(exec, project, m, found));
        });
  }

  /**
   * Per variant, whether the version the alias points at is {@code trusted}, {@code untrusted} or
   * {@code unsigned} under the current trust policy (issue 28): a key removed from the policy shows
   * here on the pointers it signed, which are not moved.
   */
  private Map<String, String> signatureStatus(
      DbExecute exec, String project, StoredModel m, Alias alias) {
    Map<String, String> status = new TreeMap<>();
    for (Map.Entry<String, String> pointer : alias.pointers().entrySet()) {
      versions
          .find(exec, m.id(), m.view().name(), pointer.getValue())
          .map(v -> signatures.of(exec, project, v.view()))
          .ifPresent(v -> status.put(pointer.getKey(), SignatureStatus.word(v)));
    }
    return status;
  }

  public List<Alias> list(String project, String model) {
    return db.read(
        exec -> {
          StoredModel m = lookup.model(exec, project, model);
          List<Alias> all = new ArrayList<>(aliases.list(exec, m.id()));
          latest(exec, m).ifPresent(all::add);
          return all;
        });
  }

  public Page<AliasHistoryEntry> history(
      String project, String model, String alias, int limit, String pageToken) {
    String listing = "alias-history:" + project + ":" + model + ":" + alias;
    Long before =
        pageToken == null ? null : Long.parseLong(pageTokens.read(listing, pageToken).get(0));
    List<AliasHistoryEntry> rows =
        db.read(
            exec -> {
              StoredModel m = lookup.model(exec, project, model);
              StoredAlias a =
                  aliases
                      .find(exec, m.id(), alias)
                      .filter(s -> s.view().generation() > 0)
                      .orElseThrow(() -> AliasService.notFound(model, alias));
              return aliases.history(exec, a.id(), before, limit + 1);
            });
    return Pages.of(
        rows, limit, last -> pageTokens.issue(listing, List.of(Long.toString(last.generation()))));
  }

  /** The alias as readers and resolve see it; {@code latest} is computed, never stored. */
  public Optional<Alias> find(DbExecute exec, StoredModel m, String alias) {
    if (alias.equals(AliasRules.RESERVED)) {
      return latest(exec, m);
    }
    return aliases.find(exec, m.id(), alias).map(StoredAlias::view).filter(a -> a.generation() > 0);
  }

  private Optional<Alias> latest(DbExecute exec, StoredModel m) {
    Map<String, String> pointers = aliases.latest(exec, m.id());
    if (pointers.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Alias(
            AliasRules.RESERVED,
            pointers,
            0,
            "cairn-registry",
            null,
            null,
            "newest READY version of each variant"));
  }
}
