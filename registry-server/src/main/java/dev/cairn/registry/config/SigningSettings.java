package dev.cairn.registry.config;

import dev.cairn.signing.SigstoreTrustedRoots;
import io.helidon.config.Config;
import java.util.Optional;

/**
 * What the registry verifies keyless signatures against (issue 28): the Sigstore {@code
 * trusted_root.json} of {@code CAIRN_SIGSTORE_TRUSTED_ROOT}, read and checked once at start (a file
 * that is missing or not a usable root stops the start, naming the setting). Unset, keyless ({@code
 * sigstore}) bundles are refused {@code SIGNATURE_UNTRUSTED} with a detail naming it; the project
 * trust policy's {@code identities} say which signers the root vouches for are trusted.
 */
public record SigningSettings(Optional<byte[]> sigstoreTrustedRoot) {

  static final String VARIABLE = SigstoreTrustedRoots.VARIABLE;

  public SigningSettings {
    sigstoreTrustedRoot = sigstoreTrustedRoot.map(byte[]::clone);
  }

  @Override
  public Optional<byte[]> sigstoreTrustedRoot() {
    return sigstoreTrustedRoot.map(byte[]::clone);
  }

  static SigningSettings read(Config c) {
    try {
      return new SigningSettings(
          SigstoreTrustedRoots.fromSetting(
              ConfigValues.optional(c, "signing.sigstore-trusted-root").orElse(null)));
    } catch (IllegalArgumentException e) {
      throw new StartupException(e.getMessage());
    }
  }
}
