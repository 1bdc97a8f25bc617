package dev.cairn.registry.instance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.Instance;
import dev.cairn.client.model.InstanceReport;
import dev.cairn.client.model.LoadedVersion;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Names;
import dev.cairn.registry.domain.Text;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.journal.JournalEntry;
import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.model.StoredModel;
import dev.cairn.registry.pointer.AliasPointers;
import dev.cairn.registry.version.VersionRepository;
import io.helidon.dbclient.DbExecute;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serving reports: each PUT renews an instance's report for its TTL and emits {@code
 * instance.updated}; listings show only live reports. A report must agree with the alias history
 * ({@link ReportRules}, else 422) and an id stays with the identity that first reported it (403 for
 * anyone else but an admin). Reports are state, not history, so they are not audited.
 */
public final class InstanceService {

  private static final int DEFAULT_TTL = 30;
  private static final int MAX_TTL = 3600;

  private final Db db;
  private final ModelLookup lookup;
  private final InstanceRepository instances;
  private final AliasPointers pointers;
  private final VersionRepository versions;
  private final Journal journal;
  private final ObjectMapper json;

  public InstanceService(
      Db db,
      ModelLookup lookup,
      InstanceRepository instances,
      AliasPointers pointers,
      VersionRepository versions,
      Journal journal,
      ObjectMapper json) {
    this.db = db;
    this.lookup = lookup;
    this.instances = instances;
    this.pointers = pointers;
    this.versions = versions;
    this.journal = journal;
    this.json = json;
  }

  /**
   * Stores {@code report} as instance {@code id}; {@code admin} callers may overwrite a report that
   * another identity owns (the owner stays).
   */
  public Instance report(
      Actor actor, boolean admin, String project, String id, InstanceReport report) {
    Names.resource("instance", id);
    Names.resource("model", report.model());
    Names.resource("alias", report.alias());
    Text.line("pod", report.pod());
    Text.line("node", report.node());
    Text.lines("last_error", report.lastError());
    if (report.loaded() != null) {
      report
          .loaded()
          .forEach(
              (variant, loaded) -> {
                Text.line("loaded", variant);
                Text.line("loaded", loaded == null ? null : loaded.version());
                Text.line("loaded", loaded == null ? null : loaded.digest());
                // The instance's own claim of who signed what it serves, shown as reported.
                if (loaded != null && loaded.signature() != null) {
                  Text.line("loaded.signature.method", loaded.signature().method());
                  Text.line("loaded.signature.signer", loaded.signature().signer());
                }
              });
    }
    if (InstanceState.reported(report.state()).isEmpty()) {
      throw ApiException.badRequest("state must be LOADING, READY or DEGRADED");
    }
    int ttl = report.ttlSeconds() == null ? DEFAULT_TTL : report.ttlSeconds();
    if (ttl < 1 || ttl > MAX_TTL) {
      throw ApiException.badRequest("ttl_seconds must be 1 to " + MAX_TTL);
    }
    Instant now = Rows.now();
    Instance instance =
        new Instance(
            id,
            report.model(),
            report.alias(),
            report.generation(),
            report.loaded() == null ? Map.of() : report.loaded(),
            report.state(),
            report.lastError(),
            report.pod(),
            report.node(),
            now,
            now.plusSeconds(ttl));
    return db.inTransaction(
        tx -> {
          StoredModel model = lookup.model(tx, project, report.model());
          ReportRules.problem(instance.generation(), instance.loaded(), facts(tx, model, instance))
              .ifPresent(
                  problem -> {
                    throw new ApiException(422, "INSTANCE_REPORT_INVALID", problem);
                  });
          if (!instances.upsert(tx, project, instance, actor.name(), admin)) {
            throw new ApiException(
                403,
                "INSTANCE_OWNED_BY_OTHER",
                "instance '" + id + "' is reported by another identity; choose another id");
          }
          var data = json.createObjectNode().put("project", project).put("instance", id);
          data.setAll((ObjectNode) json.valueToTree(instance));
          journal.record(tx, JournalEntry.event(project, report.model(), "instance.updated", data));
          return instance;
        });
  }

  private ReportRules.Facts facts(DbExecute tx, StoredModel model, Instance report) {
    Optional<Map<String, String>> atGeneration =
        report.generation() == null || report.alias().equals(ReportRules.LATEST)
            ? Optional.empty()
            : pointers.pointersAt(tx, model.id(), report.alias(), report.generation());
    List<String> variants = model.view().variants();
    Map<String, Optional<ReportRules.KnownVersion>> known = new HashMap<>();
    // Only the model's variants are looked up: a report cannot make the registry run more queries.
    for (Map.Entry<String, LoadedVersion> entry : report.loaded().entrySet()) {
      LoadedVersion loaded = entry.getValue();
      if (variants.contains(entry.getKey()) && loaded != null && loaded.version() != null) {
        known.computeIfAbsent(
            loaded.version(),
            v ->
                versions
                    .findHead(tx, model.id(), report.model(), v)
                    .map(s -> new ReportRules.KnownVersion(s.view().variant(), s.view().digest())));
      }
    }
    return new ReportRules.Facts(report.alias(), variants, atGeneration, known);
  }

  public List<Instance> live(String project, String model, String alias) {
    return db.read(
        exec -> {
          lookup.project(exec, project);
          return instances.live(exec, project, model, alias, Rows.now());
        });
  }
}
