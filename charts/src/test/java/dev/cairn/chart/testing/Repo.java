package dev.cairn.chart.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository, from the module folder the tests run in ({@code charts/}). */
public final class Repo {

  private Repo() {}

  /** The repository root: the folder holding the parent {@code pom.xml} and {@code charts/}. */
  public static Path root() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("charts/cairn"))
          && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("repository root not found above " + here);
  }

  public static Path chart() {
    return root().resolve("charts/cairn");
  }

  public static Path resolve(String relative) {
    return root().resolve(relative);
  }

  /** The Maven project version, handed to the tests by the build. */
  public static String projectVersion() {
    String version = System.getProperty("cairn.version");
    if (version == null || version.isBlank()) {
      throw new IllegalStateException(
          "system property cairn.version is not set (run through Maven)");
    }
    return version;
  }

  /** A jar built earlier in the reactor, e.g. {@code registry-server/target/cairn-registry.jar}. */
  public static Path jar(String relative) {
    Path jar = root().resolve(relative);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build the reactor (./mvnw verify)");
    }
    return jar;
  }
}
