package dev.cairn.registry.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Event numbers follow commit order: a reader that keeps asking for "everything after the last seq
 * I saw" while many writers commit never misses an event. (With a plain sequence, a transaction
 * that took seq 41 but committed after 42 was read would be skipped for good.)
 */
class CommitOrderTest {

  private static final int WRITERS = 8;
  private static final int MODELS_EACH = 15;

  @Test
  void aReaderResumingAfterItsLastSeqNeverSkipsAnEvent() throws Exception {
    TestRegistry registry = TestRegistry.shared();
    String project = TestRegistry.uniqueProject("order");
    CairnClient publisher = registry.client(TestTokens.PUBLISHER);
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    long start = maxSeq(registry);

    List<Long> seen = new ArrayList<>();
    AtomicBoolean writing = new AtomicBoolean(true);
    try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1)) {
      Future<?> reader =
          pool.submit(
              () -> {
                long last = start;
                while (writing.get()) {
                  last = readAfter(registry, last, seen);
                }
                readAfter(registry, last, seen);
                return null;
              });
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < MODELS_EACH; i++) {
                    publisher.models().create(project, ModelCreate.named("w" + writer + "-" + i));
                  }
                }));
      }
      for (Future<?> f : writers) {
        f.get();
      }
      writing.set(false);
      reader.get();
    }

    List<Long> all = seqsAfter(registry, start);
    assertThat(all).hasSizeGreaterThanOrEqualTo(WRITERS * MODELS_EACH);
    assertThat(seen).as("every committed event, once, in order").isEqualTo(all);
  }

  private static long readAfter(TestRegistry registry, long last, List<Long> seen)
      throws Exception {
    for (long seq : seqsAfter(registry, last)) {
      seen.add(seq);
      last = seq;
    }
    return last;
  }

  private static List<Long> seqsAfter(TestRegistry registry, long after) throws Exception {
    try (Connection c = registry.sql();
        PreparedStatement s =
            c.prepareStatement("SELECT seq FROM events WHERE seq > ? ORDER BY seq")) {
      s.setLong(1, after);
      List<Long> seqs = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          seqs.add(rs.getLong(1));
        }
      }
      return seqs;
    }
  }

  private static long maxSeq(TestRegistry registry) throws Exception {
    List<Long> seqs = seqsAfter(registry, 0);
    return seqs.isEmpty() ? 0 : seqs.get(seqs.size() - 1);
  }
}
