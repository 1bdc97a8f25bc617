package dev.cairn.sidecar.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactCacheTest {

  @TempDir Path dir;

  @Test
  void keepsVerifiedBytesUnderTheirDigestAndDownloadsThemOnce() throws Exception {
    ArtifactCache cache = new ArtifactCache(dir, Long.MAX_VALUE);
    byte[] bytes = "weights".getBytes(StandardCharsets.UTF_8);
    AtomicInteger downloads = new AtomicInteger();
    Path first =
        cache.fetch(
            "sha256:" + sha(bytes),
            out -> {
              downloads.incrementAndGet();
              out.write(bytes);
            });
    Path second = cache.fetch(sha(bytes), out -> downloads.incrementAndGet());
    assertThat(first).isEqualTo(second).hasFileName(sha(bytes));
    assertThat(Files.readAllBytes(first)).isEqualTo(bytes);
    assertThat(downloads.get()).isEqualTo(1);
  }

  @Test
  void refusesBytesThatDoNotMatchAndKeepsNothing() throws Exception {
    ArtifactCache cache = new ArtifactCache(dir, Long.MAX_VALUE);
    String pinned = sha("expected".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(
            () -> cache.fetch(pinned, out -> out.write("other".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(DigestMismatch.class)
        .hasMessageContaining(pinned);
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void reVerifiesCachedBytesAndRefetchesWhenTheyRotted() throws Exception {
    ArtifactCache cache = new ArtifactCache(dir, Long.MAX_VALUE);
    byte[] bytes = "weights".getBytes(StandardCharsets.UTF_8);
    Path cached = cache.fetch(sha(bytes), out -> out.write(bytes));
    Files.writeString(cached, "rotten");
    assertThatThrownBy(() -> cache.cached(sha(bytes))).isInstanceOf(DigestMismatch.class);
    Path again = cache.fetch(sha(bytes), out -> out.write(bytes));
    assertThat(Files.readAllBytes(again)).isEqualTo(bytes);
  }

  @Test
  void evictsTheOldestUnpinnedFilesPastTheLimit() throws Exception {
    ArtifactCache cache = new ArtifactCache(dir, 10);
    byte[] a = "aaaaaaaa".getBytes(StandardCharsets.UTF_8);
    byte[] b = "bbbbbbbb".getBytes(StandardCharsets.UTF_8);
    cache.fetch(sha(a), out -> out.write(a));
    cache.fetch(sha(b), out -> out.write(b));
    cache.evict(Set.of(sha(b)));
    assertThat(cache.bytes()).isEqualTo(8);
    assertThatThrownBy(() -> cache.cached(sha(a))).hasMessageContaining("not cached");
    assertThat(cache.cached(sha(b))).exists();
  }

  private static String sha(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
