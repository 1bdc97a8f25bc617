package dev.cairn.registry.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.Model;
import dev.cairn.client.model.Version;

/** The {@code data} of each event type: enough to act on without another call. */
public final class EventData {

  private EventData() {}

  public static ObjectNode model(String project, Model m) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("project", project)
        .put("model", m.name())
        .put("state", m.state());
  }

  public static ObjectNode version(String project, Version v) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("project", project)
        .put("model", v.model())
        .put("version", v.version())
        .put("variant", v.variant())
        .put("state", v.state())
        .put("digest", v.digest());
  }
}
