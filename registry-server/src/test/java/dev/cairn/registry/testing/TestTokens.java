package dev.cairn.registry.testing;

import dev.cairn.registry.auth.TokenHashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The tokens every test registry knows: one per role on all projects, one of another project. */
public final class TestTokens {

  public static final String ADMIN = "test-admin-token";
  public static final String READER = "test-reader-token";
  public static final String PUBLISHER = "test-publisher-token";
  public static final String APPROVER = "test-approver-token";

  /** What the chart gives an inference sidecar: the {@code sidecar} role on all projects. */
  public static final String SIDECAR = "test-sidecar-token";

  /** A second sidecar identity, to show one sidecar cannot overwrite another's report. */
  public static final String OTHER_SIDECAR = "test-other-sidecar-token";

  /** A publisher and reader of project {@code elsewhere} only. */
  public static final String OTHER_PROJECT = "test-other-project-token";

  public static final String OTHER_PROJECT_NAME = "elsewhere";

  /** An admin of project {@code elsewhere} only. */
  public static final String SCOPED_ADMIN = "test-scoped-admin-token";

  private TestTokens() {}

  /** Writes the tokens file (hashes only, as in production). */
  public static Path writeTokensFile(Path dir) throws IOException {
    String yaml =
        "tokens:\n"
            + entry("reader", READER, "[reader]", "[\"*\"]")
            + entry("publisher", PUBLISHER, "[publisher]", "[\"*\"]")
            + entry("approver", APPROVER, "[approver]", "[\"*\"]")
            + entry("sidecar", SIDECAR, "[sidecar]", "[\"*\"]")
            + entry("other-sidecar", OTHER_SIDECAR, "[sidecar]", "[\"*\"]")
            + entry(
                "other-publisher",
                OTHER_PROJECT,
                "[publisher, reader]",
                "[" + OTHER_PROJECT_NAME + "]")
            + entry("scoped-admin", SCOPED_ADMIN, "[admin]", "[" + OTHER_PROJECT_NAME + "]");
    Path file = dir.resolve("tokens.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  static String entry(String name, String token, String roles, String projects) {
    return "  - name: "
        + name
        + "\n"
        + "    sha256: "
        + TokenHashes.sha256Hex(token)
        + "\n"
        + "    roles: "
        + roles
        + "\n"
        + "    projects: "
        + projects
        + "\n";
  }
}
