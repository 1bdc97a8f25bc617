package dev.cairn.registry.signature;

import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.metrics.DomainMetrics;
import io.helidon.dbclient.DbRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the gauge {@code cairn_alias_untrusted_pointers{project,model,alias}} reports: per protected
 * alias of a project that requires signatures, how many of its pointers name a version whose
 * signature the current trust policy no longer trusts. Pointers are never moved when a key is
 * removed (issue 28); this is what an alert watches. Computed at scrape time from one query, judged
 * from the cache of {@link SignatureJudge}, so every replica reports the same.
 */
public final class UntrustedPointers {

  private static final Logger LOG = Logger.getLogger(UntrustedPointers.class.getName());

  private static final String SIGNED_POINTERS =
      "SELECT p.name AS project, m.name AS model, a.alias, s.version_id, s.bundle, s.sha256,"
          + " s.method, s.signer, s.verified_at"
          + " FROM aliases a"
          + " JOIN models m ON m.id = a.model_id AND m.deleted_at IS NULL"
          + " JOIN projects p ON p.id = m.project_id AND p.deleted_at IS NULL"
          + " CROSS JOIN LATERAL jsonb_each_text(a.pointers) AS ptr(variant, version)"
          + " JOIN versions v ON v.model_id = m.id AND v.version = ptr.version"
          + " JOIN version_signatures s ON s.version_id = v.id"
          + " WHERE a.generation > 0"
          + " AND p.policies->>'require_signature' = 'true'"
          + " AND (a.alias = 'production' OR m.protected_aliases @> jsonb_build_array(a.alias))";

  private record AliasKey(String project, String model, String alias) {}

  private final Db db;
  private final TrustMaterials trust;
  private final SignatureJudge judge;

  public UntrustedPointers(Db db, TrustMaterials trust, SignatureJudge judge) {
    this.db = db;
    this.trust = trust;
    this.judge = judge;
  }

  /** Has {@code metrics} report these counts at each scrape. */
  public UntrustedPointers observedBy(DomainMetrics metrics) {
    metrics.untrustedPointersObserved(
        () -> {
          Map<List<String>, Integer> labelled = new LinkedHashMap<>();
          counts().forEach((k, n) -> labelled.put(List.of(k.project(), k.model(), k.alias()), n));
          return labelled;
        });
    return this;
  }

  /** Untrusted pointers by alias; aliases with none are absent. Empty when the database fails. */
  Map<AliasKey, Integer> counts() {
    try {
      return db.read(
          exec -> {
            List<DbRow> rows = exec.query(SIGNED_POINTERS).toList();
            Map<AliasKey, Integer> counts = new TreeMap<>(UntrustedPointers::compare);
            Map<String, CurrentTrust> policies = new TreeMap<>();
            for (DbRow row : rows) {
              String project = Rows.string(row, "project");
              CurrentTrust current = policies.computeIfAbsent(project, p -> trust.current(exec, p));
              if (!judge.trusted(signature(row), current)) {
                counts.merge(
                    new AliasKey(project, Rows.string(row, "model"), Rows.string(row, "alias")),
                    1,
                    Integer::sum);
              }
            }
            return counts;
          });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "untrusted pointers could not be counted: " + e.getMessage());
      return Map.of();
    }
  }

  private static StoredSignature signature(DbRow row) {
    return new StoredSignature(
        row.column("version_id").get(UUID.class),
        row.column("bundle").get(byte[].class),
        Rows.string(row, "sha256"),
        Rows.string(row, "method"),
        Rows.string(row, "signer"),
        Rows.instant(row, "verified_at"));
  }

  private static int compare(AliasKey a, AliasKey b) {
    int c = a.project().compareTo(b.project());
    if (c == 0) {
      c = a.model().compareTo(b.model());
    }
    return c == 0 ? a.alias().compareTo(b.alias()) : c;
  }
}
