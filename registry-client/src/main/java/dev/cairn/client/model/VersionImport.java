package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Body of a JSON {@code POST …/versions} that imports a ModelPack OCI artifact: {@code source} is
 * {@code oci://host[:port]/repository:tag} or {@code …@sha256:<hex>} ({@code oci+http://} for a
 * plain-http registry); the server pulls every layer, checks its digest and answers with the
 * published version. {@code source_credentials} is used for that pull only: never stored, logged or
 * echoed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionImport(
    String version,
    String variant,
    String format,
    Map<String, String> labels,
    String notes,
    String description,
    String source,
    SourceCredentials sourceCredentials) {

  /** An import of {@code source} with every other field left to the server's defaults. */
  public static VersionImport of(String source) {
    return new VersionImport(null, null, null, null, null, null, source, null);
  }

  public VersionImport named(String name) {
    return new VersionImport(
        name, variant, format, labels, notes, description, source, sourceCredentials);
  }

  public VersionImport withCredentials(SourceCredentials credentials) {
    return new VersionImport(
        version, variant, format, labels, notes, description, source, credentials);
  }

  /** User name and password (or token) for the source registry, Basic or its token flow. */
  public record SourceCredentials(String username, String password) {
    @Override
    public String toString() {
      return "SourceCredentials[username=" + username + ", password=***]";
    }
  }
}
