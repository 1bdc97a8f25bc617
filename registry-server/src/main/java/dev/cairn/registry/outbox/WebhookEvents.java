package dev.cairn.registry.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The webhook names of the registry's events (issue 30 item 2): MLflow's ({@code
 * registered_model.created}, {@code model_version.created}, {@code model_version_alias.created|
 * deleted}) plus Cairn's own ({@code model_version_alias.updated} with the previous and new version
 * per variant, {@code version.failed}, …). Subscriptions name events exactly, by entity ({@code
 * model_version_alias.*}) or all ({@code *}). {@code activation} has no registry-side change to
 * hang on (a ModelActivation is the operator's custom resource): it may be subscribed to, and is
 * reserved for when the registry records activations.
 */
public final class WebhookEvents {

  /** Every entity a subscription may name. */
  public static final Set<String> ENTITIES =
      Set.of(
          "registered_model",
          "model_version",
          "model_version_tag",
          "model_version_alias",
          "activation",
          "version",
          "integrity",
          "signature");

  private static final Pattern ACTION = Pattern.compile("[a-z][a-z_]{0,39}");

  /** The journal's event type → the webhook name, for the types that map one to one. */
  private static final Map<String, String> DIRECT =
      Map.of(
          "model.created", "registered_model.created",
          "model.updated", "registered_model.updated",
          "model.deleted", "registered_model.deleted",
          "version.created", "model_version.created",
          "version.ready", "model_version.ready",
          "version.archived", "model_version.archived",
          "version.failed", "version.failed",
          "version.signed", "signature.attached",
          "alias.deleted", "model_version_alias.deleted");

  private WebhookEvents() {}

  /** A webhook event: its name and its data. */
  public record Outgoing(String name, ObjectNode data) {

    /** The names a subscription matches this event by: itself, its entity's wildcard, all. */
    public List<String> subscriptions() {
      return List.of(name, name.substring(0, name.lastIndexOf('.')) + ".*", "*");
    }
  }

  /** Whether {@code pattern} is a name, an entity's wildcard or {@code *}. */
  public static boolean validSubscription(String pattern) {
    if (pattern == null) {
      return false;
    }
    if (pattern.equals("*")) {
      return true;
    }
    int dot = pattern.lastIndexOf('.');
    if (dot < 1 || !ENTITIES.contains(pattern.substring(0, dot))) {
      return false;
    }
    String action = pattern.substring(dot + 1);
    return action.equals("*") || ACTION.matcher(action).matches();
  }

  /**
   * The webhook events of a journal event of {@code type} with {@code data}, recorded with audit
   * row {@code auditSeq} whose {@code before} is given (an alias's previous pointers, a version
   * before a PATCH); empty for events no webhook hears (an instance's report). One journal event
   * may make several: a failed version found by an integrity check is also {@code
   * integrity.failed}, a PATCH that changes labels is one {@code model_version_tag.set|deleted} per
   * key (MLflow's version tags), beside its state's event if it moved one.
   */
  public static List<Outgoing> of(
      String type, JsonNode data, Optional<Long> auditSeq, JsonNode before) {
    if (!data.isObject()) {
      return List.of();
    }
    ObjectNode base = ((ObjectNode) data).deepCopy();
    // MLflow names a registered model by one string; Cairn's is project.model (issue 30 item 6).
    if (base.hasNonNull("project") && base.hasNonNull("model")) {
      base.put("name", base.get("project").asText() + "." + base.get("model").asText());
    }
    auditSeq.ifPresent(seq -> base.put("audit_seq", seq));
    List<Outgoing> out = new ArrayList<>();
    String name = DIRECT.get(type);
    if (type.equals("alias.updated")) {
      boolean first = before == null || before.isNull() || before.isEmpty();
      name = first ? "model_version_alias.created" : "model_version_alias.updated";
      if (!first) {
        base.set("previous", before.deepCopy());
      }
    }
    if (name != null) {
      out.add(new Outgoing(name, base));
    }
    if (type.equals("version.failed") && base.path("integrity").isObject()) {
      out.add(new Outgoing("integrity.failed", base));
    }
    if (base.has("labels") && type.startsWith("version.")) {
      out.addAll(VersionTags.changes(base, before));
    }
    return out;
  }
}
