package dev.cairn.registry.http.routes;

import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.http.RouteTemplates;
import dev.cairn.registry.http.request.ApiHandler;
import dev.cairn.registry.http.request.RequestFactory;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The route table of the server. Routes are collected first and registered at once, so that each
 * path also answers 405 (with {@code Allow}) for methods it lacks, every unknown path answers 404,
 * and the table itself can be checked against the OpenAPI document.
 */
public final class ApiRoutes {

  /** One routed method and path template, as the OpenAPI test sees it. */
  public record Route(String method, String path) {}

  /** A route's handler and the factory of its requests, with its query parameters looked up. */
  private record Prepared(ApiHandler handler, RequestFactory.ForRoute requests) {}

  private final Map<String, Map<Method, ApiHandler>> byPath = new LinkedHashMap<>();

  public ApiRoutes get(String path, ApiHandler handler) {
    return add(Method.GET, path, handler);
  }

  public ApiRoutes post(String path, ApiHandler handler) {
    return add(Method.POST, path, handler);
  }

  public ApiRoutes put(String path, ApiHandler handler) {
    return add(Method.PUT, path, handler);
  }

  public ApiRoutes patch(String path, ApiHandler handler) {
    return add(Method.PATCH, path, handler);
  }

  public ApiRoutes delete(String path, ApiHandler handler) {
    return add(Method.DELETE, path, handler);
  }

  public ApiRoutes add(RouteGroup group) {
    group.routes(this);
    return this;
  }

  private ApiRoutes add(Method method, String path, ApiHandler handler) {
    ApiHandler previous =
        byPath.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, handler);
    if (previous != null) {
      throw new IllegalStateException("route registered twice: " + method.text() + " " + path);
    }
    return this;
  }

  public List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    byPath.forEach(
        (path, methods) -> methods.keySet().forEach(m -> routes.add(new Route(m.text(), path))));
    return routes;
  }

  /**
   * Paths of the sidecars' hot path, tried first. Helidon tries routes in order, and resolve was
   * registered after ~100 paths: rejecting each by its literal segments was still ~8% of a cached
   * resolve's CPU (issue 27 item 7). A hot path goes first only when {@link TemplateShape#disjoint}
   * proves that no path registered before it can match what it matches, so which route answers a
   * request is unchanged.
   */
  static final List<String> HOT = List.of("/api/v1/projects/{project}/resolve");

  /** The order paths are registered in: the hot ones that may go first, then the rest in order. */
  List<String> registrationOrder() {
    List<String> paths = new ArrayList<>(byPath.keySet());
    List<String> first = new ArrayList<>();
    for (String hot : HOT) {
      int at = paths.indexOf(hot);
      if (at >= 0
          && paths.subList(0, at).stream()
              .allMatch(before -> TemplateShape.disjoint(before, hot))) {
        first.add(hot);
      }
    }
    paths.removeAll(first);
    first.addAll(paths);
    return first;
  }

  /**
   * Registers every path, with its 405 answers, and the final 404 on {@code routing}. Each path is
   * one Helidon route that picks its handler by method: Helidon tries routes one after the other,
   * and a route per method plus one for the 405 answer made a request to a late path (resolve) try
   * ~250 routes; one per path halves that (issue 27 item 7). A path's methods and its 405 were
   * always adjacent, so which path answers a request is unchanged.
   */
  public void registerInto(HttpRouting.Builder routing, RequestFactory requests) {
    for (String path : registrationOrder()) {
      register(routing, requests, path, byPath.get(path));
    }
    routing.any(
        (req, res) -> {
          throw ApiException.notFound("NOT_FOUND", "no resource at " + req.path().rawPath());
        });
  }

  /** One Helidon route for {@code path}: its handler by method, else HEAD or 405. */
  private static void register(
      HttpRouting.Builder routing,
      RequestFactory requests,
      String path,
      Map<Method, ApiHandler> methods) {
    Map<Method, Prepared> handlers = new HashMap<>();
    methods.forEach(
        (method, handler) ->
            handlers.put(method, new Prepared(handler, requests.forRoute(method.text(), path))));
    String allow = methods.keySet().stream().map(Method::text).collect(Collectors.joining(", "));
    routing.route(
        anyMethod -> true,
        TemplatePathMatcher.of(path),
        (req, res) -> {
          RouteTemplates.remember(req, path);
          Method method = req.prologue().method();
          Prepared prepared = handlers.get(method);
          if (prepared != null) {
            prepared.handler().handle(prepared.requests().create(req), res);
            return;
          }
          if (method.equals(Method.HEAD) && handlers.containsKey(Method.GET)) {
            res.status(200).send();
            return;
          }
          throw new ApiException(
                  405,
                  "METHOD_NOT_ALLOWED",
                  method.text() + " is not allowed here; allowed: " + allow)
              .header("Allow", allow);
        });
  }
}
