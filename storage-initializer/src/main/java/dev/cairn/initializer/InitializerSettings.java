package dev.cairn.initializer;

import dev.cairn.client.process.EnvValues;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the registry is and what proves who asks: {@code CAIRN_REGISTRY_URL} and {@code
 * CAIRN_REGISTRY_TOKEN_FILE} (issue 29 item 1).
 */
public record InitializerSettings(
    URI registryUrl, Path tokenFile, boolean tokenFileGiven, Optional<String> envToken) {

  public static final String REGISTRY_URL = "CAIRN_REGISTRY_URL";
  public static final String TOKEN_FILE = "CAIRN_REGISTRY_TOKEN_FILE";

  /**
   * The token itself, as a ClusterStorageContainer gives it from a Secret in the serving namespace
   * (a storage container cannot declare volumes); a named token file wins.
   */
  public static final String TOKEN = "CAIRN_REGISTRY_TOKEN";

  /**
   * The registry Service of the chart installed as release {@code cairn} in namespace {@code
   * cairn-system} (the README's walk-through), named {@code <release>-registry}.
   */
  public static final String DEFAULT_REGISTRY_URL = "http://cairn-registry.cairn-system.svc:8080";

  /** The pod's projected service-account token. */
  public static final String DEFAULT_TOKEN_FILE =
      "/var/run/secrets/kubernetes.io/serviceaccount/token";

  /** Every variable read, so a misspelt one is reported instead of silently defaulted. */
  public static final Set<String> KNOWN =
      Set.of(
          REGISTRY_URL,
          TOKEN_FILE,
          TOKEN,
          SignatureSettings.REQUIRE,
          SignatureSettings.KEYS,
          SignatureSettings.ROOTS,
          SignatureSettings.SIGSTORE_ROOT);

  /** A token file past this is not a token. */
  private static final long MAX_TOKEN_BYTES = 64 << 10;

  public static InitializerSettings from(Map<String, String> env) {
    String url =
        env.getOrDefault(REGISTRY_URL, "").isBlank()
            ? DEFAULT_REGISTRY_URL
            : env.get(REGISTRY_URL).trim();
    URI registry;
    try {
      registry = EnvValues.url(REGISTRY_URL, url);
    } catch (IllegalArgumentException e) {
      throw new InitFailure(ExitCode.USAGE, e.getMessage());
    }
    if (!registry.getScheme().equals("http") && !registry.getScheme().equals("https")) {
      throw new InitFailure(
          ExitCode.USAGE, REGISTRY_URL + " must be an http or https URL, not '" + url + "'");
    }
    String file = env.getOrDefault(TOKEN_FILE, "");
    Optional<String> token =
        Optional.ofNullable(env.get(TOKEN)).map(String::strip).filter(t -> !t.isEmpty());
    return file.isBlank()
        ? new InitializerSettings(registry, Path.of(DEFAULT_TOKEN_FILE), false, token)
        : new InitializerSettings(registry, Path.of(file.trim()), true, token);
  }

  /**
   * The registry {@code uri} names: the configured one without a host; with a host, that host with
   * the configured scheme when the configured URL has the same host and port, else https.
   */
  public URI registryFor(CairnUri uri) {
    if (uri.host().isEmpty()) {
      return registryUrl;
    }
    String host = uri.host().get();
    String configured = registryUrl.getHost().toLowerCase(Locale.ROOT);
    int port =
        registryUrl.getPort() >= 0 ? registryUrl.getPort() : defaultPort(registryUrl.getScheme());
    String scheme = "https";
    int colon = host.lastIndexOf(':');
    String name = colon < 0 ? host : host.substring(0, colon);
    if (name.equals(configured)) {
      int given =
          colon < 0
              ? defaultPort(registryUrl.getScheme())
              : Integer.parseInt(host.substring(colon + 1));
      if (given == port) {
        scheme = registryUrl.getScheme();
      }
    }
    return URI.create(scheme + "://" + host);
  }

  /**
   * The token: from the named file, else {@code CAIRN_REGISTRY_TOKEN}, else the pod's
   * service-account token, else empty (the registry then answers 401). A named file that cannot be
   * read is a usage error.
   */
  public Optional<String> token() {
    if (!tokenFileGiven && envToken.isPresent()) {
      return envToken;
    }
    try {
      if (Files.size(tokenFile) > MAX_TOKEN_BYTES) {
        throw new InitFailure(
            ExitCode.USAGE, TOKEN_FILE + " " + tokenFile + " is too large to be a token");
      }
      String token = Files.readString(tokenFile).strip();
      if (token.isEmpty()) {
        throw new InitFailure(ExitCode.USAGE, "token file " + tokenFile + " is empty");
      }
      return Optional.of(token);
    } catch (NoSuchFileException e) {
      if (!tokenFileGiven) {
        return Optional.empty();
      }
      throw new InitFailure(
          ExitCode.USAGE, TOKEN_FILE + " names " + tokenFile + ", which does not exist");
    } catch (IOException e) {
      throw new InitFailure(
          ExitCode.USAGE, "cannot read token file " + tokenFile + ": " + e.getMessage());
    }
  }

  private static int defaultPort(String scheme) {
    return scheme.equals("https") ? 443 : 80;
  }
}
