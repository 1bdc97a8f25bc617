package dev.cairn.registry.testing;

import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A {@link Version} row for unit tests that never reach a registry: the record takes 22 arguments,
 * most of which a decision under test never reads, so a test names only the fields it depends on
 * and leaves the rest empty (no runtime, metadata, labels, aliases, failure or signature).
 */
public final class VersionBuilder {

  private String id;
  private String model = "m";
  private String version = "v1";
  private String variant = "default";
  private String state = "READY";
  private String digest;
  private Long sizeBytes;
  private List<VersionFile> files = List.of();
  private Instant createdAt = Instant.EPOCH;
  private String createdBy = "test";
  private Instant readyAt;

  private VersionBuilder() {}

  /** Version {@code v1} of model {@code m}, variant {@code default}, READY, format generic. */
  public static VersionBuilder version() {
    return new VersionBuilder();
  }

  public VersionBuilder id(String id) {
    this.id = id;
    return this;
  }

  public VersionBuilder model(String model) {
    this.model = model;
    return this;
  }

  public VersionBuilder version(String version) {
    this.version = version;
    return this;
  }

  public VersionBuilder variant(String variant) {
    this.variant = variant;
    return this;
  }

  public VersionBuilder state(String state) {
    this.state = state;
    return this;
  }

  /** The content digest and total size, as a completed version has them. */
  public VersionBuilder content(String digest, long sizeBytes) {
    this.digest = digest;
    this.sizeBytes = sizeBytes;
    return this;
  }

  public VersionBuilder files(List<VersionFile> files) {
    this.files = files;
    return this;
  }

  public VersionBuilder created(Instant at, String by) {
    this.createdAt = at;
    this.createdBy = by;
    return this;
  }

  public VersionBuilder readyAt(Instant readyAt) {
    this.readyAt = readyAt;
    return this;
  }

  public Version build() {
    return new Version(
        id, model, version, variant, state, "generic", null, digest, sizeBytes, files, Map.of(),
        Map.of(), null, Map.of(), null, null, List.of(), null, createdAt, createdBy, readyAt, null);
  }
}
