package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What a serving instance has loaded for one variant, and, when it verified the version's signature
 * itself ({@code CAIRN_REQUIRE_SIGNATURE=true}, issue 28 item 4), who signed it: method, signer and
 * when the instance verified it ({@code trusted} is left out: the instance's own trust decided).
 * Absent for an instance that does not require signatures.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoadedVersion(
    String version, String digest, Instant loadedAt, VersionSignature signature) {

  /** A variant loaded without a signature check. */
  public LoadedVersion(String version, String digest, Instant loadedAt) {
    this(version, digest, loadedAt, null);
  }
}
