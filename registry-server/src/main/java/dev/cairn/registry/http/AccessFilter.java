package dev.cairn.registry.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.registry.config.AccessLog;
import dev.cairn.registry.logging.StructuredLog;
import dev.cairn.registry.service.HttpMetrics;
import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Outermost filter: assigns the request id, and when the answer is sent records it in the metrics
 * and writes the access line (and, for writes, the write line) of seed 001's telemetry.
 */
public final class AccessFilter implements Filter {

  private final HttpMetrics metrics;
  private final StructuredLog log;
  private final AccessLog mode;

  public AccessFilter(HttpMetrics metrics, StructuredLog log, AccessLog mode) {
    this.metrics = metrics;
    this.log = log;
    this.mode = mode;
    metrics.logLinesDroppedObserved(log::droppedLines);
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    long start = System.nanoTime();
    RequestState state = RequestState.attach(req);
    String requestId = RequestIds.assign(req, state);
    res.header(RequestIds.HEADER, requestId);
    res.whenSent(() -> record(req, res, state, System.nanoTime() - start));
    chain.proceed();
  }

  private void record(RoutingRequest req, RoutingResponse res, RequestState state, long nanos) {
    String requestId = state.requestId;
    String method = req.prologue().method().text();
    String route = state.route == null ? "unmatched" : state.route;
    int status = res.status().code();
    metrics.record(method, route, status, nanos);
    String actor = state.principal == null ? "anonymous" : state.principal.name();
    if (mode.logs(route, status)) {
      log.access(requestId, actor, method, route, status, nanos);
    }
    if (isWrite(req.prologue().method()) && route.startsWith("/api/")) {
      var params = req.path().pathParameters();
      ObjectNode write =
          log.event("registry.write")
              .put("request_id", requestId)
              .put("method", method)
              .put("route", route)
              .put("project", params.first("project").orElse(null))
              .put("model", params.first("model").orElse(null))
              .put("version", params.first("version").orElse(null))
              .put("actor", actor)
              .put("result", status < 400 ? "ok" : "refused:" + status);
      log.write(write);
    }
  }

  private static boolean isWrite(Method method) {
    return method.equals(Method.POST)
        || method.equals(Method.PUT)
        || method.equals(Method.PATCH)
        || method.equals(Method.DELETE);
  }
}
