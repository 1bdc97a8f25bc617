package dev.cairn.registry.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.VersionImport.SourceCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls a manifest and its blobs from one OCI registry (distribution spec), streaming: anonymous
 * first, then what the registry's {@code 401} challenge asks — {@code Basic} with the request's
 * credentials, or {@code Bearer} through the token endpoint of the challenge's realm (with the
 * credentials as Basic when given). Every connection, realm and blob redirect included, goes
 * through {@link GuardedHttp}, so the registry host is held to the address rules of references
 * (spec 40-security); plain http only where references may use it. A small client of our own rather
 * than oras-java-sdk, whose own HTTP client cannot be given that guarded resolver. Credentials and
 * tokens never appear in an exception message (which is logged).
 */
final class OciPuller {

  private static final int MAX_TOKEN_BYTES = 64 * 1024;
  private static final int MAX_REDIRECTS = 3;
  private static final Pattern PARAM = Pattern.compile("([A-Za-z]+)=\"([^\"]*)\"");

  private final GuardedHttp http;
  private final ObjectMapper json;
  private final OciSource source;
  private final Optional<SourceCredentials> credentials;
  private final boolean allowHttp;
  private String authorization;

  OciPuller(
      GuardedHttp http,
      ObjectMapper json,
      OciSource source,
      Optional<SourceCredentials> credentials,
      boolean allowHttp) {
    this.http = http;
    this.json = json;
    this.source = source;
    this.credentials = credentials;
    this.allowHttp = allowHttp;
  }

  /**
   * The manifest's bytes, at most {@code maxBytes}; {@link ManifestTooLargeException} past them (a
   * registry's word on the length is not trusted: the bytes are counted).
   */
  byte[] manifest(int maxBytes) throws IOException {
    try (GuardedHttp.Answer answer =
        send(source.manifest(), Map.of("Accept", ModelPackManifest.IMAGE_MANIFEST))) {
      requireOk(answer, "manifest");
      byte[] bytes = answer.body().readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new ManifestTooLargeException(maxBytes);
      }
      return bytes;
    }
  }

  /** The bytes of blob {@code digest}; the caller closes the stream and checks the digest. */
  InputStream blob(String digest) throws IOException {
    URI uri = source.blob(digest);
    boolean sameHost = true;
    for (int hop = 0; ; hop++) {
      GuardedHttp.Answer answer = sameHost ? send(uri, Map.of()) : http.get(uri, Map.of());
      int status = answer.status();
      if (status == 200) {
        return answer.stream();
      }
      Optional<String> location = answer.header().apply("Location");
      answer.close();
      if (!isRedirect(status) || location.isEmpty() || hop == MAX_REDIRECTS) {
        throw new IOException("blob " + digest + ": " + source.authority() + " answered " + status);
      }
      // Storage back ends (S3, a CDN) serve blobs on another host: no credentials go there.
      URI next = uri.resolve(location.get());
      requireScheme(next, "a blob redirect");
      sameHost = sameHost && source.authority().equalsIgnoreCase(next.getRawAuthority());
      uri = next;
    }
  }

  private GuardedHttp.Answer send(URI uri, Map<String, String> headers) throws IOException {
    GuardedHttp.Answer answer = http.get(uri, withAuthorization(headers));
    if (answer.status() != 401 || authorization != null) {
      return answer;
    }
    String challenge = answer.header().apply("WWW-Authenticate").orElse("");
    answer.close();
    authorization = authorize(challenge);
    return http.get(uri, withAuthorization(headers));
  }

  private Map<String, String> withAuthorization(Map<String, String> headers) {
    if (authorization == null) {
      return headers;
    }
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Authorization", authorization);
    return all;
  }

  /** The {@code Authorization} value that answers {@code challenge}. */
  private String authorize(String challenge) throws IOException {
    String scheme = challenge.split(" ", 2)[0].toLowerCase(Locale.ROOT);
    if (scheme.equals("basic")) {
      return basic().orElseThrow(() -> new IOException("the registry asks for credentials"));
    }
    if (!scheme.equals("bearer")) {
      throw new IOException("the registry's challenge is neither Basic nor Bearer");
    }
    Map<String, String> params = new LinkedHashMap<>();
    Matcher m = PARAM.matcher(challenge);
    while (m.find()) {
      params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
    }
    String realm = params.get("realm");
    if (realm == null) {
      throw new IOException("the registry's Bearer challenge names no realm");
    }
    StringBuilder query = new StringBuilder();
    for (String key : new String[] {"service", "scope"}) {
      if (params.containsKey(key)) {
        query.append(query.isEmpty() ? "" : "&").append(key).append('=');
        query.append(URLEncoder.encode(params.get(key), StandardCharsets.UTF_8));
      }
    }
    URI tokenUri;
    try {
      tokenUri =
          URI.create(realm + (query.isEmpty() ? "" : (realm.contains("?") ? "&" : "?") + query));
    } catch (IllegalArgumentException e) {
      throw new IOException("the registry's token realm is not a URI");
    }
    requireScheme(tokenUri, "the token realm");
    Map<String, String> headers = basic().map(b -> Map.of("Authorization", b)).orElse(Map.of());
    try (GuardedHttp.Answer answer = http.get(tokenUri, headers)) {
      requireOk(answer, "token");
      byte[] bytes = answer.body().readNBytes(MAX_TOKEN_BYTES + 1);
      if (bytes.length > MAX_TOKEN_BYTES) {
        throw new IOException("the token answer is larger than " + MAX_TOKEN_BYTES + " bytes");
      }
      JsonNode body = json.readTree(bytes);
      String token =
          body == null ? "" : body.path("token").asText(body.path("access_token").asText(""));
      if (token.isEmpty() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
        throw new IOException("the token answer holds no usable token");
      }
      return "Bearer " + token;
    }
  }

  private Optional<String> basic() {
    return credentials.map(
        c ->
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (nullToEmpty(c.username()) + ":" + nullToEmpty(c.password()))
                            .getBytes(StandardCharsets.UTF_8)));
  }

  private void requireScheme(URI uri, String what) throws IOException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && allowHttp)) {
      throw new IOException(what + " uses scheme '" + scheme + "', which is not allowed");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IOException(what + " carries user-info");
    }
  }

  private void requireOk(GuardedHttp.Answer answer, String what) throws IOException {
    if (answer.status() != 200) {
      throw new IOException(what + ": " + source.authority() + " answered " + answer.status());
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** A manifest past the limit: a refusal of the artifact, not a failure to reach it. */
  static final class ManifestTooLargeException extends IOException {
    ManifestTooLargeException(int limit) {
      super("the manifest is larger than " + limit + " bytes");
    }
  }
}
