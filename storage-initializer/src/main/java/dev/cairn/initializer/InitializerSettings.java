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
 * CAIRN_REGISTRY_TOKEN_FILE} / {@code CAIRN_REGISTRY_TOKEN} (issue 29 item 1). The token goes to
 * that registry only (review 12 item 4): a {@code cairn://} URI naming another host is refused, and
 * no token is taken that was not configured (not the pod's service-account token, whose audience is
 * the Kubernetes API server).
 *
 * @param tokenFile {@code CAIRN_REGISTRY_TOKEN_FILE} when set
 * @param envToken {@code CAIRN_REGISTRY_TOKEN} when set and not blank
 */
public record InitializerSettings(
    URI registryUrl, Optional<Path> tokenFile, Optional<String> envToken) {

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

  /** Every variable read, so a misspelt one is reported instead of silently defaulted. */
  public static final Set<String> KNOWN =
      Set.of(
          REGISTRY_URL,
          TOKEN_FILE,
          TOKEN,
          SignatureSettings.REQUIRE,
          SignatureSettings.KEYS,
          SignatureSettings.ROOTS);

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
    return new InitializerSettings(
        registry, file.isBlank() ? Optional.empty() : Optional.of(Path.of(file.trim())), token);
  }

  /**
   * The registry {@code uri} names: the configured one, whether the URI names no host or the
   * configured host and port (default ports filled in, so {@code reg} is {@code reg:80} for an
   * {@code http} registry). Any other host is refused before any request: the token is the
   * configured registry's, and an InferenceService author must not be able to send it elsewhere.
   */
  public URI registryFor(CairnUri uri) {
    if (uri.host().isEmpty()) {
      return registryUrl;
    }
    String host = uri.host().get();
    int colon = host.lastIndexOf(':');
    String name = colon < 0 ? host : host.substring(0, colon);
    int given =
        colon < 0
            ? defaultPort(registryUrl.getScheme())
            : Integer.parseInt(host.substring(colon + 1));
    if (name.equals(registryUrl.getHost().toLowerCase(Locale.ROOT)) && given == configuredPort()) {
      return registryUrl;
    }
    throw new InitFailure(
        ExitCode.USAGE,
        uri
            + " names the registry host "
            + host
            + ", but this initializer loads only from "
            + REGISTRY_URL
            + " ("
            + registryUrl.getHost()
            + ":"
            + configuredPort()
            + "), the one registry its token is for; leave the host out");
  }

  private int configuredPort() {
    return registryUrl.getPort() >= 0
        ? registryUrl.getPort()
        : defaultPort(registryUrl.getScheme());
  }

  /**
   * The token: from the named file, else {@code CAIRN_REGISTRY_TOKEN}, else none (the registry then
   * answers 401). A named file that cannot be read is a usage error.
   */
  public Optional<String> token() {
    if (tokenFile.isEmpty()) {
      return envToken;
    }
    Path file = tokenFile.get();
    try {
      if (Files.size(file) > MAX_TOKEN_BYTES) {
        throw new InitFailure(
            ExitCode.USAGE, TOKEN_FILE + " " + file + " is too large to be a token");
      }
      String token = Files.readString(file).strip();
      if (token.isEmpty()) {
        throw new InitFailure(ExitCode.USAGE, "token file " + file + " is empty");
      }
      return Optional.of(token);
    } catch (NoSuchFileException e) {
      throw new InitFailure(
          ExitCode.USAGE, TOKEN_FILE + " names " + file + ", which does not exist");
    } catch (IOException e) {
      throw new InitFailure(
          ExitCode.USAGE, "cannot read token file " + file + ": " + e.getMessage());
    }
  }

  private static int defaultPort(String scheme) {
    return scheme.equals("https") ? 443 : 80;
  }
}
