package dev.cairn.common.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build's ban on inline fully-qualified type names, for every module's sources (main and test),
 * as Strimzi bans them with Checkstyle: a type is imported and then named simply, so a reader sees
 * a file's dependencies in its imports. It runs here, in the first module the reactor builds,
 * because one walk over the repository covers all modules; a source-scanning test was chosen over
 * Checkstyle's regular-expression rules because those cannot tell code from string literals and
 * text blocks.
 */
class InlineQualifiedNamesTest {

  /**
   * Files that may name a type in full, each with the one name allowed and why. Only a clash
   * belongs here: two types with the same simple name in one file, where one must stay qualified.
   */
  private static final Map<String, Set<String>> CLASHES = Map.of();

  @Test
  void noSourceNamesATypeInFull() throws IOException {
    Path root = repositoryRoot();
    List<String> offences = new ArrayList<>();
    Set<String> clashesSeen = new HashSet<>();
    try (Stream<Path> files = javaSources(root)) {
      files.forEach(
          file -> {
            String relative = root.relativize(file).toString().replace('\\', '/');
            for (QualifiedNames.Use use : QualifiedNames.in(read(file))) {
              if (CLASHES.getOrDefault(relative, Set.of()).contains(use.name())) {
                clashesSeen.add(relative + " " + use.name());
                continue;
              }
              offences.add(relative + ":" + use.line() + ": " + use.name());
            }
          });
    }

    assertThat(offences)
        .as("inline fully-qualified type names: import the type and use its simple name")
        .isEmpty();
    // An exception that no longer matches anything is removed rather than left to excuse a
    // future offence.
    assertThat(clashesSeen).hasSize(CLASHES.values().stream().mapToInt(Set::size).sum());
  }

  @Test
  void theScanSeesTheWholeRepository() throws IOException {
    Path root = repositoryRoot();
    try (Stream<Path> files = javaSources(root)) {
      // Every module with Java sources, so a wrong root does not pass by scanning nothing.
      assertThat(files.map(f -> root.relativize(f).getName(0).toString()).distinct())
          .contains("common", "registry-client", "registry-server", "operator", "cli");
    }
  }

  /** The repository: the parent of this module's directory, where Maven runs the tests. */
  private static Path repositoryRoot() {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertThat(root.resolve("pom.xml")).exists();
    return root;
  }

  private static Stream<Path> javaSources(Path root) throws IOException {
    return Files.walk(root)
        .filter(p -> p.toString().endsWith(".java"))
        .filter(p -> root.relativize(p).getNameCount() > 1)
        .filter(p -> root.relativize(p).getName(1).toString().equals("src"))
        .filter(
            p -> {
              String s = p.toString();
              return !s.contains("/target/") && !s.contains("/node_modules/");
            });
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
