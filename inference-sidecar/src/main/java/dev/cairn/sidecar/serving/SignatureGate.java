package dev.cairn.sidecar.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.sidecar.cache.ArtifactCache;
import dev.cairn.sidecar.config.ModelRef;
import dev.cairn.sidecar.config.SignatureSettings;
import dev.cairn.signing.ModelSignatureVerifier;
import dev.cairn.signing.SignatureBundle;
import dev.cairn.signing.SignatureRefusal;
import dev.cairn.signing.TrustMaterial;
import dev.cairn.signing.TrustPolicies;
import dev.cairn.signing.VerifiedSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code CAIRN_REQUIRE_SIGNATURE=true} (issue 28 item 4): before a variant's version is loaded, its
 * OMS bundle is fetched and verified here against the SHA-256 of each file that {@link
 * ArtifactCache} computed while the bytes streamed in (a cached file is re-hashed on use), so one
 * hash pass serves both the pin and the signature. A refusal is a {@link SwapFailure} whose code
 * starts with the {@code SIGNATURE_*} code: the generation is not loaded and the previous one keeps
 * serving.
 *
 * <p>A bundle that verified is kept under {@code <cache>/signatures/<version digest>.sig}; an
 * offline start (or a registry that cannot be reached) verifies that copy again — against the PEM
 * files of {@code CAIRN_TRUSTED_KEYS}/{@code CAIRN_TRUSTED_ROOTS}, or the last trust policy read,
 * kept beside it — and never loads an unverified version.
 */
public final class SignatureGate {

  /** What a verified load reports (the signer), or nothing when signatures are not required. */
  public interface Check {
    Optional<VerifiedSignature> check(TargetSet.TargetVariant variant, boolean offline)
        throws SwapFailure;
  }

  /** Signatures not required: every version loads. */
  public static final Check OFF = (variant, offline) -> Optional.empty();

  private SignatureGate() {}

  /** The check {@code settings} ask for. */
  public static Check of(
      SignatureSettings settings, CairnClient client, Path cacheDir, ModelRef ref) {
    if (!settings.required()) {
      return OFF;
    }
    TrustMaterial local;
    try {
      local =
          settings.localTrust()
              ? TrustPolicies.fromPemFiles(settings.trustedKeys(), settings.trustedRoots())
              : null;
    } catch (IOException e) {
      throw new UncheckedIOException("trust files cannot be read", e);
    }
    // Read and checked once, when the settings were read at start.
    return new Required(
        client, cacheDir.resolve("signatures"), ref, local, settings.sigstoreTrustedRoot());
  }

  /**
   * The check; {@code sigstoreRoot} ({@code CAIRN_SIGSTORE_TRUSTED_ROOT}) is added to whichever
   * trust applies, so a keyless signer is checked against it for the policy's identities.
   */
  private record Required(
      CairnClient client,
      Path dir,
      ModelRef ref,
      TrustMaterial local,
      Optional<byte[]> sigstoreRoot)
      implements Check {

    @Override
    public Optional<VerifiedSignature> check(TargetSet.TargetVariant variant, boolean offline)
        throws SwapFailure {
      Path kept = dir.resolve(ArtifactCache.hex(variant.digest()) + ".sig");
      Path policy = dir.resolve("trust-policy.json");
      byte[] bundle;
      TrustMaterial trust;
      try {
        if (offline) {
          bundle = readKept(kept, variant);
          trust = local != null ? local : TrustPolicies.fromPolicy(readPolicy(policy, variant));
        } else {
          bundle =
              client
                  .signatures()
                  .signature(ref.project(), ref.model(), variant.version())
                  .orElseThrow(
                      () ->
                          refused(
                              "SIGNATURE_REQUIRED",
                              variant,
                              "version " + variant.version() + " is not signed"));
          trust = local != null ? local : registryTrust(policy);
        }
      } catch (CairnApiException | IOException | UncheckedIOException e) {
        // Not a verdict on the signature: retried like any failed download.
        throw new SwapFailure(
            "DOWNLOAD_FAILED:" + variant.variant(),
            "signature or trust policy: " + e.getMessage(),
            e);
      } catch (IllegalArgumentException e) {
        throw refused("SIGNATURE_UNTRUSTED", variant, "the trust policy: " + e.getMessage());
      }
      Map<String, String> files = new LinkedHashMap<>();
      variant.files().forEach(f -> files.put(f.path(), ArtifactCache.hex(f.sha256())));
      try {
        VerifiedSignature ok =
            ModelSignatureVerifier.verify(
                SignatureBundle.parse(bundle, SignatureBundle.DEFAULT_LIMIT),
                trust.withSigstoreTrustedRoot(sigstoreRoot),
                files);
        if (!offline) {
          keep(kept, bundle);
        }
        return Optional.of(ok);
      } catch (SignatureRefusal refusal) {
        throw new SwapFailure(
            refusal.code().name() + ":" + variant.variant(),
            refusal.wireCode() + ": " + refusal.detail(),
            refusal);
      }
    }

    /** The project's policy now; the copy kept beside the bundles serves an offline start. */
    private TrustMaterial registryTrust(Path policy) {
      var document = client.signatures().trust(ref.project());
      TrustMaterial trust = TrustPolicies.fromPolicy(document);
      keep(policy, document.toString().getBytes(StandardCharsets.UTF_8));
      return trust;
    }

    private static byte[] readKept(Path kept, TargetSet.TargetVariant variant)
        throws SwapFailure, IOException {
      if (!Files.exists(kept)) {
        throw refused(
            "SIGNATURE_REQUIRED",
            variant,
            "offline and no verified signature of " + variant.version() + " is cached");
      }
      return Files.readAllBytes(kept);
    }

    private static JsonNode readPolicy(Path policy, TargetSet.TargetVariant variant)
        throws SwapFailure, IOException {
      if (!Files.exists(policy)) {
        throw refused("SIGNATURE_UNTRUSTED", variant, "offline and no trust policy is cached");
      }
      return new ObjectMapper().readTree(policy.toFile());
    }

    /**
     * Keeps a copy for an offline start, replaced atomically. A copy that cannot be written only
     * costs that offline start (it refuses instead), so it never fails a load that verified.
     */
    private void keep(Path target, byte[] bytes) {
      try {
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "keep-", ".part");
        try {
          Files.write(temp, bytes);
          try {
            Files.move(
                temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
          }
        } finally {
          Files.deleteIfExists(temp);
        }
      } catch (IOException e) {
        // See above: the next online load writes it again.
      }
    }
  }

  private static SwapFailure refused(String code, TargetSet.TargetVariant variant, String detail) {
    return new SwapFailure(code + ":" + variant.variant(), detail, null);
  }
}
