package dev.cairn.registry.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a request's {@code Origin} is the registry's own: its host and port must be the {@code
 * Host} the browser addressed. The scheme is not compared, because the registry speaks plain HTTP
 * behind a TLS-terminating ingress and so cannot tell which one the browser used; a page on another
 * host or port is a different origin either way. No Origin at all is refused: browsers send one
 * with every write.
 */
public final class SameOrigin {

  private SameOrigin() {}

  public static boolean holds(ServerRequest req) {
    Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
    Optional<String> host = req.headers().first(HeaderNames.HOST);
    if (origin.isEmpty() || host.isEmpty()) {
      return false;
    }
    return authority(origin.get())
        .filter(a -> a.equals(host.get().trim().toLowerCase(Locale.ROOT)))
        .isPresent();
  }

  /** {@code host[:port]} of an Origin value, the port left out when it is the scheme's default. */
  private static Optional<String> authority(String origin) {
    try {
      URI uri = new URI(origin.trim());
      String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
      boolean bare =
          uri.getRawUserInfo() == null
              && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
              && uri.getRawQuery() == null
              && uri.getRawFragment() == null;
      // A browser's Origin is scheme://host[:port] and nothing else; anything more is forged.
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || !bare) {
        return Optional.empty();
      }
      int port = uri.getPort();
      boolean defaultPort =
          port == -1
              || scheme.equals("http") && port == 80
              || scheme.equals("https") && port == 443;
      String host = uri.getHost().toLowerCase(Locale.ROOT);
      return Optional.of(defaultPort ? host : host + ":" + port);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
