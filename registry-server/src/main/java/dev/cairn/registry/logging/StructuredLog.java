package dev.cairn.registry.logging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.logging.Logger;

/**
 * One JSON object per line for requests and writes (seed 001's telemetry fields). Tokens never
 * reach these lines: only the token's name does, as {@code actor}.
 */
public final class StructuredLog {

  private static final Logger ACCESS = Logger.getLogger("cairn.access");
  private static final Logger WRITES = Logger.getLogger("cairn.write");

  private final ObjectMapper json;

  public StructuredLog(ObjectMapper json) {
    this.json = json;
  }

  public ObjectNode event(String eventType) {
    return json.createObjectNode().put("event_type", eventType);
  }

  public void access(ObjectNode line) {
    ACCESS.info(line.toString());
  }

  public void write(ObjectNode line) {
    WRITES.info(line.toString());
  }
}
