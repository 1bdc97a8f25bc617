package dev.cairn.registry.signature;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cairn.client.model.TrustPolicy;
import io.helidon.dbclient.DbExecute;
import java.time.Instant;
import java.util.Optional;

/**
 * The trust a decision applies, read from the database each time (one indexed row) so that a new
 * policy is in force on every replica at once; the parsed material is kept per project and policy
 * version, which never changes once written.
 */
public final class TrustMaterials {

  // A project deleted and made again starts its versions over: the stamp tells them apart.
  private record Key(String project, long version, Instant updatedAt) {}

  private final TrustRepository trust;
  private final Optional<byte[]> sigstoreTrustedRoot;
  private final Cache<Key, CurrentTrust> parsed = Caffeine.newBuilder().maximumSize(1_000).build();

  /**
   * {@code sigstoreTrustedRoot} is the deployment's ({@code CAIRN_SIGSTORE_TRUSTED_ROOT}): keyless
   * signers are checked against it and must be one of the policy's identities.
   */
  public TrustMaterials(TrustRepository trust, Optional<byte[]> sigstoreTrustedRoot) {
    this.trust = trust;
    this.sigstoreTrustedRoot = sigstoreTrustedRoot;
  }

  /** The current trust of {@code project}. */
  public CurrentTrust current(DbExecute exec, String project) {
    return trust
        .findByProject(exec, project)
        .map(
            policy ->
                parsed.get(
                    new Key(project, policy.version(), policy.updatedAt()),
                    k -> of(project, policy, sigstoreTrustedRoot)))
        .orElseGet(() -> CurrentTrust.none(project, sigstoreTrustedRoot));
  }

  private static CurrentTrust of(String project, TrustPolicy policy, Optional<byte[]> root) {
    return new CurrentTrust(
        project, policy.version(), TrustDocument.material(policy).withSigstoreTrustedRoot(root));
  }
}
