package dev.cairn.registry.http.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

/** Writes JSON answers with the API's mapper. */
public final class Responses {

  private final ObjectMapper json;

  public Responses(ObjectMapper json) {
    this.json = json;
  }

  public ObjectMapper json() {
    return json;
  }

  public void send(ServerResponse res, int status, Object body) {
    try {
      sendJson(res, status, json.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response not serialisable", e);
    }
  }

  public void ok(ServerResponse res, Object body) {
    send(res, 200, body);
  }

  /** 200 with a JSON body written earlier with this mapper (a cached answer). */
  public void okJson(ServerResponse res, byte[] body) {
    sendJson(res, 200, body);
  }

  private static void sendJson(ServerResponse res, int status, byte[] body) {
    res.status(status);
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send(body);
  }

  public void created(ServerResponse res, String location, Object body) {
    res.header(HeaderNames.LOCATION, location);
    send(res, 201, body);
  }

  public void noContent(ServerResponse res) {
    res.status(204).send();
  }
}
