package dev.cairn.registry.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.registry.domain.ApiException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 24, finding 11: the hard-link rule of file roots and the setting that lifts it. */
class FileRootsTest {

  private final BlockingFileCalls calls = new BlockingFileCalls(2, Duration.ofSeconds(5));
  private Path root;
  private Path linked;

  @BeforeEach
  void linkedFile() throws Exception {
    Path base =
        Files.createDirectories(Path.of("target", "file-roots-unit-" + UUID.randomUUID()))
            .toAbsolutePath();
    root = Files.createDirectories(base.resolve("root"));
    Path outside = Files.writeString(base.resolve("outside.bin"), "linked bytes");
    linked = Files.createLink(root.resolve("linked.bin"), outside);
  }

  @Test
  void aFileWithTwoLinksIsRefusedByDefault() {
    FileRoots roots = new FileRoots(List.of(root), false, calls);

    assertThatThrownBy(() -> roots.open(linked, "linked.bin"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.code()).isEqualTo("FILE_ROOT_HARD_LINK");
              assertThat(e.detail()).contains("2 hard links");
            });
  }

  @Test
  void hardLinksAreReadWhenAllowed() throws Exception {
    FileRoots roots = new FileRoots(List.of(root), true, calls);

    try (InputStream in = roots.open(linked, "linked.bin")) {
      assertThat(new String(in.readAllBytes())).isEqualTo("linked bytes");
    }
  }

  @Test
  void aFileWithOneLinkIsRead() throws Exception {
    Path single = Files.writeString(root.resolve("single.bin"), "one link");
    FileRoots roots = new FileRoots(List.of(root), false, calls);

    try (InputStream in = roots.open(single, "single.bin")) {
      assertThat(new String(in.readAllBytes())).isEqualTo("one link");
    }
  }
}
