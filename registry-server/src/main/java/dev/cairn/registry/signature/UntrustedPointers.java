package dev.cairn.registry.signature;

import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.metrics.CachedReading;
import dev.cairn.registry.metrics.DomainMetrics;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.time.Duration;
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
 * removed (issue 28); this is what an alert watches. Counted from one query of bundle digests,
 * judged from the cache of {@link SignatureJudge} (a bundle is read only when its digest was not
 * judged under the current policy yet), so every replica reports the same. {@code /metrics} is
 * public, so the count is a {@link CachedReading}: at most one per {@link #INTERVAL}, never on the
 * scraping thread (review 12 item 11).
 */
public final class UntrustedPointers {

  /** How old a count may be: a usual scrape interval. */
  public static final Duration INTERVAL = Duration.ofSeconds(15);

  private static final Logger LOG = Logger.getLogger(UntrustedPointers.class.getName());

  private static final String SIGNED_POINTERS =
      "SELECT p.name AS project, m.name AS model, a.alias, s.version_id, s.sha256"
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

  /** A signature gone between the count's query and its bundle read (its version deleted). */
  private static final class Vanished extends RuntimeException {
    Vanished() {
      super(null, null, false, false);
    }
  }

  private final Db db;
  private final TrustMaterials trust;
  private final SignatureJudge judge;
  private final SignatureRepository signatures;

  public UntrustedPointers(
      Db db, TrustMaterials trust, SignatureJudge judge, SignatureRepository signatures) {
    this.db = db;
    this.trust = trust;
    this.judge = judge;
    this.signatures = signatures;
  }

  /** Has {@code metrics} report these counts, computed at most once per {@link #INTERVAL}. */
  public UntrustedPointers observedBy(DomainMetrics metrics) {
    metrics.untrustedPointersObserved(
        CachedReading.every(
            INTERVAL, Map.<List<String>, Integer>of(), "cairn-untrusted-pointers", this::labelled));
    return this;
  }

  private Map<List<String>, Integer> labelled() {
    Map<List<String>, Integer> labelled = new LinkedHashMap<>();
    counts().forEach((k, n) -> labelled.put(List.of(k.project(), k.model(), k.alias()), n));
    return labelled;
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
              if (!trusted(exec, row, current)) {
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

  /** Whether the row's signature is trusted; one deleted since the query is not counted. */
  private boolean trusted(DbExecute exec, DbRow row, CurrentTrust current) {
    UUID versionId = row.column("version_id").get(UUID.class);
    try {
      return judge.trusted(
          Rows.string(row, "sha256"),
          current,
          () -> signatures.find(exec, versionId).orElseThrow(Vanished::new));
    } catch (Vanished gone) {
      return true;
    }
  }

  private static int compare(AliasKey a, AliasKey b) {
    int c = a.project().compareTo(b.project());
    if (c == 0) {
      c = a.model().compareTo(b.model());
    }
    return c == 0 ? a.alias().compareTo(b.alias()) : c;
  }
}
