package dev.cairn.registry.signature;

import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionSignature;
import dev.cairn.registry.db.Db;
import io.helidon.dbclient.DbExecute;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Adds each version's {@code signature} to what the API shows: the stored signature with {@code
 * trusted} judged against the project's current trust policy, or null when unsigned. One query for
 * the signatures of a page and one for the policy.
 */
public final class SignatureStatus {

  /** What an alias GET says of each pointer. */
  public static final String TRUSTED = "trusted";

  public static final String UNTRUSTED = "untrusted";
  public static final String UNSIGNED = "unsigned";

  private final Db db;
  private final SignatureRepository signatures;
  private final TrustMaterials trust;
  private final SignatureJudge judge;

  public SignatureStatus(
      Db db, SignatureRepository signatures, TrustMaterials trust, SignatureJudge judge) {
    this.db = db;
    this.signatures = signatures;
    this.trust = trust;
    this.judge = judge;
  }

  /** {@code versions} with their signatures, read in a transaction of their own. */
  public List<Version> of(String project, List<Version> versions) {
    return versions.isEmpty() ? versions : db.read(exec -> of(exec, project, versions));
  }

  public Version of(DbExecute exec, String project, Version version) {
    return of(exec, project, List.of(version)).get(0);
  }

  public List<Version> of(DbExecute exec, String project, List<Version> versions) {
    if (versions.isEmpty()) {
      return versions;
    }
    Map<UUID, StoredSignature> found =
        signatures.findAll(exec, versions.stream().map(v -> UUID.fromString(v.id())).toList());
    if (found.isEmpty()) {
      return versions;
    }
    CurrentTrust current = trust.current(exec, project);
    return versions.stream()
        .map(
            v -> {
              StoredSignature s = found.get(UUID.fromString(v.id()));
              return s == null ? v : v.withSignature(s.view(judge.trusted(s, current)));
            })
        .toList();
  }

  /** {@code trusted}, {@code untrusted} or {@code unsigned} for a decorated version. */
  public static String word(Version version) {
    VersionSignature s = version.signature();
    if (s == null) {
      return UNSIGNED;
    }
    return Boolean.TRUE.equals(s.trusted()) ? TRUSTED : UNTRUSTED;
  }
}
