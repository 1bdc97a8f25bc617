package dev.cairn.registry.instance;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.Instance;
import dev.cairn.client.model.InstanceReport;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Names;
import dev.cairn.registry.domain.Text;
import dev.cairn.registry.events.EventLog;
import dev.cairn.registry.model.ModelLookup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Serving reports: each PUT renews an instance's report for its TTL and emits {@code
 * instance.updated}; listings show only live reports. Reports are state, not history, so they are
 * not audited.
 */
public final class InstanceService {

  private static final Set<String> STATES = Set.of("LOADING", "READY", "DEGRADED");
  private static final int DEFAULT_TTL = 30;
  private static final int MAX_TTL = 3600;

  private final Db db;
  private final ModelLookup lookup;
  private final InstanceRepository instances;
  private final EventLog events;
  private final ObjectMapper json;

  public InstanceService(
      Db db, ModelLookup lookup, InstanceRepository instances, EventLog events, ObjectMapper json) {
    this.db = db;
    this.lookup = lookup;
    this.instances = instances;
    this.events = events;
    this.json = json;
  }

  public Instance report(Actor actor, String project, String id, InstanceReport report) {
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
              });
    }
    if (report.state() == null || !STATES.contains(report.state())) {
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
          lookup.model(tx, project, report.model());
          instances.upsert(tx, project, instance, actor.name());
          var data = json.createObjectNode().put("project", project).put("instance", id);
          data.setAll((com.fasterxml.jackson.databind.node.ObjectNode) json.valueToTree(instance));
          events.append(tx, project, report.model(), "instance.updated", data);
          return instance;
        });
  }

  public List<Instance> live(String project, String model, String alias) {
    return db.read(
        exec -> {
          lookup.project(exec, project);
          return instances.live(exec, project, model, alias, Rows.now());
        });
  }
}
