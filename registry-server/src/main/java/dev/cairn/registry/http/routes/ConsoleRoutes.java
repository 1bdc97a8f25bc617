package dev.cairn.registry.http.routes;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.staticcontent.StaticContentService;

/**
 * The web console (spec 80-web-ui): static ES modules and CSS from the jar's {@code ui/} directory
 * at {@code /ui/}, served with a Content-Security-Policy that allows nothing but this origin — no
 * inline script or style, no other host — so even a value that slipped past the console's text
 * rendering could not run. The console calls the public API like any client; nothing here is for it
 * alone.
 */
public final class ConsoleRoutes {

  static final String PREFIX = "/ui";
  static final String POLICY =
      "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none';"
          + " object-src 'none'";

  private ConsoleRoutes() {}

  public static void register(HttpRouting.Builder routing) {
    routing.addFilter(new Headers());
    routing.get(
        PREFIX,
        (req, res) ->
            res.status(Status.MOVED_PERMANENTLY_301).header(HeaderNames.LOCATION, "/ui/").send());
    routing.register(
        PREFIX, StaticContentService.builder("ui").welcomeFileName("index.html").build());
  }

  /** The console's security headers, on every answer under {@code /ui}. */
  private static final class Headers implements Filter {
    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
      String path = req.path().rawPath();
      if (path.equals(PREFIX) || path.startsWith(PREFIX + "/")) {
        res.header(HeaderNames.create("Content-Security-Policy"), POLICY);
        res.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
        res.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
      }
      chain.proceed();
    }
  }
}
