package dev.cairn.common.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.common.source.QualifiedNames.Use;
import org.junit.jupiter.api.Test;

class QualifiedNamesTest {

  @Test
  void findsQualifiedTypesInCodeWithTheirLines() {
    String source =
        """
        package dev.cairn.x;

        import java.util.List;
        import static java.util.Objects.requireNonNull;

        class A {
          java.time.Duration timeout = java.time.Duration.ofSeconds(1);
          @org.junit.jupiter.api.Test void t() {}
          Object e = java.util.Map.Entry.class;
        }
        """;

    assertThat(QualifiedNames.in(source))
        .containsExactly(
            new Use(7, "java.time.Duration"),
            new Use(7, "java.time.Duration"),
            new Use(8, "org.junit.jupiter.api.Test"),
            new Use(9, "java.util.Map"));
  }

  @Test
  void ignoresCommentsLiteralsAndMemberChains() {
    String source =
        "class B {\n"
            + "  // java.time.Duration in a line comment\n"
            + "  /* java.time.Duration\n     across lines */ int a;\n"
            + "  /** {@link java.time.Duration} */ int b;\n"
            + "  String s = \"java.time.Duration \\\" java.util.List\";\n"
            + "  char c = '\"'; String t = \"\"\"\n     java.nio.file.Path\n     \"\"\";\n"
            + "  Object d = config.java.util.Thing;\n"
            + "  Object e = java.util.List.of(); // after a comment-free line\n"
            + "}\n";

    assertThat(QualifiedNames.in(source)).containsExactly(new Use(11, "java.util.List"));
  }

  @Test
  void blankingKeepsLineNumbers() {
    String source = "/* one\ntwo */\n\"a\"\nx";

    assertThat(QualifiedNames.blankNonCode(source).split("\n", -1)).hasSize(4);
  }
}
