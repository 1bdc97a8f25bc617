package dev.cairn.sidecar.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.common.multipart.MalformedMultipartException;
import dev.cairn.sidecar.config.SidecarSettings;
import dev.cairn.sidecar.fleet.Fleet;
import dev.cairn.sidecar.metrics.SidecarMetrics;
import dev.cairn.sidecar.serving.ServingState;
import io.helidon.http.HttpException;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The sidecar's Helidon server: routes, and every error as problem+json. */
public final class SidecarHttp {

  private static final Logger LOG = Logger.getLogger(SidecarHttp.class.getName());

  private SidecarHttp() {}

  public static WebServerConfig.Builder server(
      SidecarSettings settings,
      Fleet fleet,
      SidecarMetrics metrics,
      ObjectMapper json,
      Supplier<ServingState> state,
      BooleanSupplier ready) {
    JsonResponses responses = new JsonResponses(json);
    return WebServer.builder()
        .host(settings.host())
        .port(settings.port())
        .shutdownHook(false)
        .routing(
            r -> {
              r.addFilter(
                  (chain, req, res) -> {
                    res.header(JsonResponses.REQUEST_ID, JsonResponses.requestId(req));
                    chain.proceed();
                  });
              r.register(
                  new StatusRoutes(fleet, settings.model(), state, ready, metrics, responses));
              r.register(
                  new InspectRoutes(
                      fleet,
                      responses,
                      settings.images(),
                      new ImageFiles(settings.imageRoots(), ImageFiles.DEADLINE),
                      metrics));
              r.register(new OipRoutes(fleet, responses, metrics));
              r.any(SidecarHttp::noRoute);
              r.error(Problem.class, (req, res, e) -> responses.problem(req, res, e));
              r.error(
                  MalformedMultipartException.class,
                  (req, res, e) ->
                      responses.problem(
                          req, res, Problem.badRequest("BAD_MULTIPART", e.getMessage())));
              r.error(
                  JsonProcessingException.class,
                  (req, res, e) ->
                      responses.problem(
                          req, res, Problem.badRequest("BAD_JSON", "the body is not valid JSON")));
              r.error(
                  HttpException.class,
                  (req, res, e) -> {
                    int status = e.status().code();
                    if (status >= 500) {
                      LOG.log(Level.SEVERE, "request failed", e);
                    }
                    responses.problem(
                        req,
                        res,
                        new Problem(
                            status,
                            status == 404 ? "NOT_FOUND" : "HTTP_" + status,
                            e.status().reasonPhrase()));
                  });
              r.error(
                  Exception.class,
                  (req, res, e) -> {
                    LOG.log(Level.SEVERE, "request failed", e);
                    responses.problem(
                        req, res, new Problem(500, "INTERNAL", "the sidecar could not answer"));
                  });
            });
  }

  /** The last route: a path no route serves is a 404, never Helidon's 500 through its error. */
  private static void noRoute(ServerRequest req, ServerResponse res) {
    throw new Problem(
        404,
        "NOT_FOUND",
        "no route for "
            + req.prologue().method().text()
            + " "
            + ClientText.bounded(req.path().rawPath()));
  }
}
