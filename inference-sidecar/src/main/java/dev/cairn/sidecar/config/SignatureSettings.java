package dev.cairn.sidecar.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether the sidecar loads only signed versions (issue 28 item 4): {@code CAIRN_REQUIRE_SIGNATURE}
 * ({@code false}), and where trust comes from — the PEM files of {@code CAIRN_TRUSTED_KEYS} and
 * {@code CAIRN_TRUSTED_ROOTS} (comma-separated paths), or, when both are empty, the project's trust
 * policy read from the registry before each load. Keyless ({@code sigstore}) signatures are checked
 * against the Sigstore {@code trusted_root.json} of {@code CAIRN_SIGSTORE_TRUSTED_ROOT} (none:
 * refused), for the identities of the project's policy.
 */
public record SignatureSettings(
    boolean required,
    List<Path> trustedKeys,
    List<Path> trustedRoots,
    Optional<byte[]> sigstoreTrustedRoot) {

  public static final SignatureSettings OFF =
      new SignatureSettings(false, List.of(), List.of(), Optional.empty());

  public SignatureSettings {
    trustedKeys = List.copyOf(trustedKeys);
    trustedRoots = List.copyOf(trustedRoots);
  }

  /** Whether trust is local (PEM files) rather than the registry's policy. */
  public boolean localTrust() {
    return !trustedKeys.isEmpty() || !trustedRoots.isEmpty();
  }

  /** Signatures required, trusted by these PEM files (none: the project's policy). */
  public static SignatureSettings required(List<Path> keys, List<Path> roots) {
    return new SignatureSettings(true, keys, roots, Optional.empty());
  }
}
