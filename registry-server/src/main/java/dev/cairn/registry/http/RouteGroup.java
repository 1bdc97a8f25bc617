package dev.cairn.registry.http;

/** A resource's routes: lists every route it serves on an {@link ApiRoutes}. */
public interface RouteGroup {

  void routes(ApiRoutes routes);
}
