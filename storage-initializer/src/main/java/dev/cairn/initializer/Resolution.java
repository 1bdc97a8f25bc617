package dev.cairn.initializer;

import dev.cairn.client.model.ManifestEntry;
import dev.cairn.client.model.Resolved;
import java.time.Instant;
import java.util.List;

/**
 * {@code dest/.cairn/resolution.json}: what was installed and from where, since KServe has no
 * status channel for an init container. {@code signer} is who signed the version (key hint,
 * certificate subject, or SAN and issuer) when its signature was required and verified, else null.
 *
 * @param ref the {@code cairn://} URI as given
 * @param alias the alias the ref named (null for a version or a digest)
 * @param generation the alias generation it was resolved at (null likewise)
 * @param digest the version digest ({@code sha256:…} over its manifest)
 */
public record Resolution(
    String ref,
    String registry,
    String project,
    String model,
    String alias,
    Long generation,
    String variant,
    String version,
    String digest,
    List<InstalledFile> files,
    String signer,
    Instant resolvedAt,
    Instant installedAt) {

  /** One installed file and its verified SHA-256 (hex). */
  public record InstalledFile(String path, String sha256, long sizeBytes) {

    static InstalledFile of(ManifestEntry entry) {
      return new InstalledFile(entry.path(), entry.sha256(), entry.sizeBytes());
    }
  }

  static Resolution of(
      CairnUri uri,
      String registry,
      Resolved resolved,
      String signer,
      Instant resolvedAt,
      Instant installedAt) {
    return new Resolution(
        uri.toString(),
        registry,
        uri.project(),
        resolved.model(),
        resolved.alias(),
        resolved.generation(),
        resolved.variant(),
        resolved.version().version(),
        resolved.version().digest(),
        resolved.manifest().files().stream().map(InstalledFile::of).toList(),
        signer,
        resolvedAt,
        installedAt);
  }
}
