package dev.cairn.initializer;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Page;
import dev.cairn.client.model.Resolved;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionQuery;
import java.util.Optional;

/**
 * Turns a {@code cairn://} URI into the one version to install, asking the registry once: an alias
 * or a version through {@code GET …/resolve}; a digest by finding the READY or ARCHIVED version
 * that carries it (the registry has no digest ref) and resolving that version by name.
 */
final class RefResolver {

  /** Versions per page while looking for a digest. */
  private static final int PAGE = 200;

  private final CairnClient client;

  RefResolver(CairnClient client) {
    this.client = client;
  }

  Resolved resolve(CairnUri uri) {
    String variant = uri.variant().orElse(null);
    if (uri.selector() != CairnUri.Selector.DIGEST) {
      return client.resolve(uri.project(), uri.ref(), variant, false);
    }
    Version found =
        byDigest(uri)
            .orElseThrow(
                () ->
                    new InitFailure(
                        ExitCode.NOT_FOUND,
                        "no version of "
                            + uri.project()
                            + "/"
                            + uri.model()
                            + (variant == null ? "" : " (variant " + variant + ")")
                            + " has digest "
                            + uri.value()));
    Resolved resolved =
        client.resolve(uri.project(), uri.model() + ":" + found.version(), variant, false);
    if (!uri.value().equals(resolved.version().digest())) {
      // The list and the resolve disagree only if the registry changed between the two calls.
      throw new InitFailure(
          ExitCode.DIGEST_MISMATCH,
          uri.model()
              + ":"
              + found.version()
              + " resolves to "
              + resolved.version().digest()
              + ", not "
              + uri.value());
    }
    return resolved;
  }

  /**
   * The version carrying the digest, READY or ARCHIVED (what {@code :version} and the OCI API serve
   * too; review 12 item 17): a READY one first when several carry it, since the same files may be
   * published twice.
   */
  private Optional<Version> byDigest(CairnUri uri) {
    // No state filter: the list takes one state, and two passes would list the model twice.
    VersionQuery query = VersionQuery.all().withLimit(PAGE);
    if (uri.variant().isPresent()) {
      query = query.withVariant(uri.variant().get());
    }
    Version archived = null;
    while (true) {
      Page<Version> page = client.versions().list(uri.project(), uri.model(), query);
      for (Version v : page.items()) {
        if (!uri.value().equals(v.digest())) {
          continue;
        }
        if (Version.State.READY.is(v.state())) {
          return Optional.of(v);
        }
        if (archived == null && Version.State.ARCHIVED.is(v.state())) {
          archived = v;
        }
      }
      if (page.next().isEmpty()) {
        return Optional.ofNullable(archived);
      }
      query = query.withPageToken(page.next().get());
    }
  }
}
