package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A file a new version promises: its path, pinned sha256 and size, and for a reference the URI the
 * server fetches it from. With {@code import: true} the server copies the referenced bytes into its
 * own blob store at completion (seed 003's immutable storage), so the version no longer depends on
 * the source.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileDeclaration(
    String path,
    String sha256,
    Long sizeBytes,
    String uri,
    @JsonProperty("import") Boolean importCopy) {

  public FileDeclaration(String path, String sha256, Long sizeBytes, String uri) {
    this(path, sha256, sizeBytes, uri, null);
  }

  /** This reference, copied into the registry's blob store at completion. */
  public FileDeclaration imported() {
    return new FileDeclaration(path, sha256, sizeBytes, uri, true);
  }
}
