package dev.cairn.registry.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A version's labels are MLflow's model-version tags (issue 30 item 2): a PATCH that changes them
 * is, per key, {@code model_version_tag.set} (added, or a new value) or {@code
 * model_version_tag.deleted}, with {@code key} (and {@code value}) as MLflow's payload spells them.
 */
final class VersionTags {

  private static final List<String> CARRIED =
      List.of("project", "model", "version", "variant", "name", "audit_seq");

  private VersionTags() {}

  /** The tag events of {@code data}'s labels against {@code before}'s (the version pre-PATCH). */
  static List<WebhookEvents.Outgoing> changes(ObjectNode data, JsonNode before) {
    JsonNode now = data.path("labels");
    JsonNode was = before == null ? null : before.path("labels");
    TreeSet<String> keys = new TreeSet<>();
    now.fieldNames().forEachRemaining(keys::add);
    if (was != null) {
      was.fieldNames().forEachRemaining(keys::add);
    }
    List<WebhookEvents.Outgoing> out = new ArrayList<>();
    for (String key : keys) {
      JsonNode value = now.get(key);
      JsonNode old = was == null ? null : was.get(key);
      if (value != null && value.equals(old)) {
        continue;
      }
      ObjectNode tag = carried(data).put("key", key);
      if (value != null) {
        tag.set("value", value.deepCopy());
        out.add(new WebhookEvents.Outgoing("model_version_tag.set", tag));
      } else {
        out.add(new WebhookEvents.Outgoing("model_version_tag.deleted", tag));
      }
    }
    return out;
  }

  private static ObjectNode carried(ObjectNode data) {
    ObjectNode tag = data.objectNode();
    for (String field : CARRIED) {
      if (data.has(field)) {
        tag.set(field, data.get(field).deepCopy());
      }
    }
    return tag;
  }
}
