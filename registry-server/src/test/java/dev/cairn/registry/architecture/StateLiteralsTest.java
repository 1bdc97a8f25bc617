package dev.cairn.registry.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 27, item 2: states are enums that own their transitions, strings only at the wire. No main
 * class of the registry or of its client names a state as a string literal: a version's ({@code
 * VersionState}), a model's ({@code ModelState}), an instance's ({@code InstanceState}) or a
 * validation's outcome ({@code CheckOutcome}) — each enum's {@code wire()} is its name. The
 * operator, the CLI, the sidecar and the storage initializer compare and send the registry's states
 * through the client's views ({@code Version.State}, {@code Model.State}); a CLI table's column
 * title (e.g. DELETED over {@code deleted_at}) is a heading, not a state.
 */
class StateLiteralsTest {

  private static final Pattern STATE_LITERAL =
      Pattern.compile(
          "\"(PENDING|READY|FAILED|ARCHIVED|DELETED|LIVE|LOADING|DEGRADED|PASSED|NOT_RUN"
              + "|NOT_APPLICABLE)\"|'(PENDING|READY|FAILED|ARCHIVED)'");

  @Test
  void noMainClassSpellsAState() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path root :
        List.of(
            Path.of("src/main/java"),
            Path.of("../registry-client/src/main/java"),
            Path.of("../operator/src/main/java"),
            Path.of("../cli/src/main/java"),
            Path.of("../inference-sidecar/src/main/java"),
            Path.of("../storage-initializer/src/main/java"))) {
      assertThat(root).isDirectory();
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(f -> f.toString().endsWith(".java")).forEach(f -> scan(f, found));
      }
    }
    assertThat(found).isEmpty();
  }

  private static void scan(Path file, List<String> found) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = STATE_LITERAL.matcher(lines.get(i));
        if (m.find() && !lines.get(i).contains("Column.")) {
          found.add(file.getFileName() + ":" + (i + 1) + " " + m.group());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
