package dev.cairn.registry.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.cairn.registry.alias.AliasPolicy;
import dev.cairn.registry.version.VersionState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 27, item 1: a write is facts → a pure decision → the journal. The decision reads no
 * database and takes no functions (so it is tested with plain values), and nothing but the journal
 * writes the audit log or the event table.
 */
class WritePipelineRulesTest {

  private static final String ROOT = MainClasses.ROOT;
  private static final JavaClasses classes = MainClasses.get();

  @Test
  void decisionsReadNoDatabaseAndTakeNoCallbacks() {
    noClasses()
        .that()
        .haveFullyQualifiedName(AliasPolicy.class.getName())
        .or()
        .haveFullyQualifiedName(ROOT + ".alias.AliasRules")
        .or()
        .haveFullyQualifiedName(ROOT + ".alias.AliasPreconditions")
        .or()
        .haveFullyQualifiedName(ROOT + ".alias.PointerProposals")
        .or()
        .haveFullyQualifiedName(VersionState.class.getName())
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".db..", "io.helidon.dbclient..", "java.util.function..")
        .check(classes);
  }

  @Test
  void onlyTheJournalWritesTheAuditLogAndTheEventTable() throws IOException {
    Path main = Path.of("src/main/java/dev/cairn/registry");
    List<String> writers;
    try (Stream<Path> files = Files.walk(main)) {
      writers =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(WritePipelineRulesTest::writesAuditOrEvents)
              .map(f -> main.relativize(f).toString().replace('\\', '/'))
              .sorted()
              .toList();
    }
    assertThat(writers).containsExactly("journal/AuditLog.java", "journal/EventLog.java");
  }

  private static boolean writesAuditOrEvents(Path file) {
    try {
      String text = Files.readString(file);
      return text.contains("INSERT INTO audit_log") || text.contains("cairn_append_event(");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
