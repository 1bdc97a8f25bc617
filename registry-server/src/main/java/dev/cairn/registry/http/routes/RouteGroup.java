package dev.cairn.registry.http.routes;

/** A resource's routes: lists every route it serves on an {@link ApiRoutes}. */
public interface RouteGroup {

  void routes(ApiRoutes routes);
}
