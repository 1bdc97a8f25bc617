package dev.cairn.registry.artifact;

import dev.cairn.registry.domain.ApiException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code source} of an OCI import: {@code oci://host[:port]/repository(:tag|@sha256:hex)},
 * fetched over https, or {@code oci+http://…} over plain http where {@code
 * CAIRN_ALLOW_HTTP_REFERENCES} allows it. The repository and tag follow the distribution spec's
 * grammar; user-info, queries, fragments and anything else are refused before a connection is made.
 */
record OciSource(String scheme, String authority, String repository, String reference) {

  private static final int MAX_LENGTH = 2048;

  private static final Pattern SOURCE =
      Pattern.compile(
          "(oci|oci\\+http)://"
              + "([A-Za-z0-9.\\-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])(:[0-9]{1,5})?"
              + "/([a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*)"
              + "(?::([A-Za-z0-9_][A-Za-z0-9._-]{0,127})|@(sha256:[0-9a-f]{64}))");

  /** The source named by {@code text}, or 400 with what is wrong (never echoing credentials). */
  static OciSource parse(String text) {
    if (text == null || text.isBlank()) {
      throw ApiException.badRequest("source is required for an OCI import");
    }
    if (text.length() > MAX_LENGTH) {
      throw ApiException.badRequest("source is limited to " + MAX_LENGTH + " characters");
    }
    int scheme = text.indexOf("://");
    int slash = scheme < 0 ? -1 : text.indexOf('/', scheme + 3);
    String authority =
        scheme < 0 ? "" : text.substring(scheme + 3, slash < 0 ? text.length() : slash);
    if (authority.contains("@")) {
      throw ApiException.badRequest(
          "source must not carry user-info; pass credentials in source_credentials");
    }
    Matcher m = SOURCE.matcher(text);
    if (!m.matches()) {
      throw ApiException.badRequest(
          "source must be oci://host[:port]/repository:tag or"
              + " oci://host[:port]/repository@sha256:<64 hex digits> (oci+http:// for plain http)");
    }
    if (m.group(3) != null) {
      int port = Integer.parseInt(m.group(3).substring(1));
      if (port < 1 || port > 65535) {
        throw ApiException.badRequest("source has no valid port");
      }
    }
    String host = m.group(2).toLowerCase(Locale.ROOT) + (m.group(3) == null ? "" : m.group(3));
    String reference = m.group(5) != null ? m.group(5) : m.group(6);
    return new OciSource(m.group(1).equals("oci") ? "https" : "http", host, m.group(4), reference);
  }

  /** Whether the source names a manifest by its digest (then the manifest's bytes are checked). */
  boolean byDigest() {
    return reference.startsWith("sha256:");
  }

  URI manifest() {
    return URI.create(base() + "/manifests/" + reference);
  }

  URI blob(String digest) {
    return URI.create(base() + "/blobs/" + digest);
  }

  private String base() {
    return scheme + "://" + authority + "/v2/" + repository;
  }

  @Override
  public String toString() {
    return (scheme.equals("https") ? "oci://" : "oci+http://")
        + authority
        + "/"
        + repository
        + (byDigest() ? "@" : ":")
        + reference;
  }
}
