package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Body of {@code PUT …/aliases/{a}}: {@code pointers} by variant, or {@code version} for a
 * single-variant model; variants not named keep their pointer. {@code managed_by} names the owner
 * (a Kubernetes {@code ModelActivation}): it claims an unmanaged alias, and must match to change a
 * managed one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AliasUpdate(
    Map<String, String> pointers,
    String version,
    String reason,
    String approvedBy,
    Long expectedGeneration,
    String managedBy,
    Boolean releaseManagedBy) {

  public static AliasUpdate pointers(Map<String, String> pointers, String reason) {
    return new AliasUpdate(pointers, null, reason, null, null, null, null);
  }

  public static AliasUpdate version(String version, String reason) {
    return new AliasUpdate(null, version, reason, null, null, null, null);
  }

  public AliasUpdate expecting(long generation) {
    return new AliasUpdate(
        pointers, version, reason, approvedBy, generation, managedBy, releaseManagedBy);
  }

  public AliasUpdate managedBy(String owner) {
    return new AliasUpdate(
        pointers, version, reason, approvedBy, expectedGeneration, owner, releaseManagedBy);
  }

  /** The owner gives the alias up (a ModelActivation being deleted); pointers stay as they are. */
  public static AliasUpdate release(String owner, String reason) {
    return new AliasUpdate(null, null, reason, null, null, owner, true);
  }
}
