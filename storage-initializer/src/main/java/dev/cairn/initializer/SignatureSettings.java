package dev.cairn.initializer;

import dev.cairn.signing.SigstoreTrustedRoots;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The initializer's signature variables, the sidecar's names (issue 28): {@code
 * CAIRN_REQUIRE_SIGNATURE} ({@code false}: then only a project whose {@code require_signature}
 * policy covers the ref's protected alias asks for one) and the trust files {@code
 * CAIRN_TRUSTED_KEYS} / {@code CAIRN_TRUSTED_ROOTS} (comma-separated PEM paths; none: the project's
 * trust policy from the registry), and {@code CAIRN_SIGSTORE_TRUSTED_ROOT}: the Sigstore {@code
 * trusted_root.json} keyless ({@code sigstore}) signatures are checked against, read and checked
 * here so that a file that is no trusted root is a usage error (exit 1) naming the variable.
 */
record SignatureSettings(
    boolean required,
    List<Path> trustedKeys,
    List<Path> trustedRoots,
    Optional<byte[]> sigstoreTrustedRoot) {

  static final String REQUIRE = "CAIRN_REQUIRE_SIGNATURE";
  static final String KEYS = "CAIRN_TRUSTED_KEYS";
  static final String ROOTS = "CAIRN_TRUSTED_ROOTS";
  static final String SIGSTORE_ROOT = SigstoreTrustedRoots.VARIABLE;
  static final Set<String> KNOWN = Set.of(REQUIRE, KEYS, ROOTS, SIGSTORE_ROOT);

  static SignatureSettings from(Map<String, String> env) {
    String require = env.getOrDefault(REQUIRE, "").strip().toLowerCase(Locale.ROOT);
    boolean required =
        switch (require) {
          case "", "false" -> false;
          case "true" -> true;
          default ->
              throw new InitFailure(
                  ExitCode.USAGE, REQUIRE + " must be true or false, not '" + shown(require) + "'");
        };
    return new SignatureSettings(required, paths(env, KEYS), paths(env, ROOTS), sigstoreRoot(env));
  }

  private static Optional<byte[]> sigstoreRoot(Map<String, String> env) {
    try {
      return SigstoreTrustedRoots.fromSetting(env.get(SIGSTORE_ROOT));
    } catch (IllegalArgumentException e) {
      throw new InitFailure(ExitCode.USAGE, e.getMessage());
    }
  }

  boolean localTrust() {
    return !trustedKeys.isEmpty() || !trustedRoots.isEmpty();
  }

  private static List<Path> paths(Map<String, String> env, String name) {
    return Arrays.stream(env.getOrDefault(name, "").split(","))
        .map(String::strip)
        .filter(p -> !p.isEmpty())
        .map(Path::of)
        .toList();
  }

  private static String shown(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
