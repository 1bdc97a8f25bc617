package dev.cairn.registry.http.routes;

import dev.cairn.registry.auth.Role;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.events.EventStreams;
import dev.cairn.registry.http.request.ApiRequest;
import dev.cairn.registry.model.ModelLookup;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET …/events}: Server-Sent Events. Resume with {@code Last-Event-ID} or {@code ?after=};
 * filter with {@code model=} (repeatable) and {@code type=}.
 */
public final class EventRoutes implements RouteGroup {

  private final EventStreams streams;
  private final Db db;
  private final ModelLookup lookup;

  public EventRoutes(EventStreams streams, Db db, ModelLookup lookup) {
    this.streams = streams;
    this.db = db;
    this.lookup = lookup;
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes.get("/api/v1/projects/{project}/events", this::events);
  }

  private void events(ApiRequest req, ServerResponse res) throws IOException {
    String project = req.project();
    req.require(Role.READER);
    db.read(exec -> lookup.project(exec, project));
    Optional<Long> after =
        req.raw()
            .headers()
            .first(HeaderNames.create("Last-Event-ID"))
            .or(() -> req.query("after"))
            .map(EventRoutes::sequence);
    var subscription =
        new EventStreams.Subscription(
            project, Set.copyOf(req.queryAll("model")), Set.copyOf(req.queryAll("type")), after);
    res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
    res.header(HeaderNames.CACHE_CONTROL, "no-cache");
    res.header(HeaderNames.create("X-Accel-Buffering"), "no");
    try (OutputStream out = res.outputStream()) {
      streams.stream(subscription, out);
    } catch (IOException | UncheckedIOException e) {
      // The subscriber went away; it resumes with Last-Event-ID.
    }
  }

  private static long sequence(String value) {
    try {
      long seq = Long.parseLong(value.trim());
      if (seq >= 0) {
        return seq;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest("Last-Event-ID / after must be an event sequence number");
  }
}
