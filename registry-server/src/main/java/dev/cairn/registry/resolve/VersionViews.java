package dev.cairn.registry.resolve;

import dev.cairn.client.model.Page;
import dev.cairn.client.model.Version;
import dev.cairn.registry.artifact.FilePresence;
import dev.cairn.registry.signature.SignatureStatus;
import io.helidon.dbclient.DbExecute;
import java.util.List;

/**
 * A version as every read shows it: blobs that are gone marked ({@link FilePresence}) and its
 * signature with {@code trusted} under the current trust policy ({@link SignatureStatus}).
 */
public record VersionViews(FilePresence presence, SignatureStatus signatures) {

  public Version of(String project, Version version) {
    return signatures.of(project, List.of(presence.of(version))).get(0);
  }

  public Version of(DbExecute exec, String project, Version version) {
    return signatures.of(exec, project, presence.of(version));
  }

  /** A page of versions with their signatures (presence is checked only where one is shown). */
  public Page<Version> page(String project, Page<Version> page) {
    return new Page<>(signatures.of(project, page.items()), page.nextPageToken());
  }
}
