package dev.cairn.registry.api;

import static dev.cairn.registry.testing.Problems.expectCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Model;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ModelQuery;
import dev.cairn.client.model.Page;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keyset pagination: every item exactly once, even while other clients insert. */
class PaginationTest {

  private static final int EXISTING = 240;

  private final TestRegistry registry = TestRegistry.shared();
  private final CairnClient publisher = registry.client(TestTokens.PUBLISHER);
  private String project;
  private Set<String> existing;

  @BeforeEach
  void createModels() {
    project = TestRegistry.uniqueProject("paging");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    existing = new HashSet<>();
    for (int i = 0; i < EXISTING; i++) {
      existing.add(publisher.models().create(project, ModelCreate.named("m-" + i)).name());
    }
  }

  @Test
  void returnsEveryModelExactlyOnceWhileOthersInsert() throws Exception {
    for (String order : List.of("created_at", "created_at desc", "name", "name desc")) {
      AtomicBoolean paging = new AtomicBoolean(true);
      AtomicInteger inserted = new AtomicInteger();
      List<String> seen;
      try (ExecutorService writers = Executors.newFixedThreadPool(3)) {
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
          int writer = w;
          running.add(
              writers.submit(
                  () -> {
                    while (paging.get()) {
                      publisher
                          .models()
                          .create(
                              project,
                              ModelCreate.named(
                                  "new-"
                                      + order.replace(' ', '-')
                                      + "-"
                                      + writer
                                      + "-"
                                      + inserted.incrementAndGet()));
                    }
                  }));
        }
        seen = pageThrough(ModelQuery.all().orderedBy(order).withLimit(17));
        paging.set(false);
        for (Future<?> f : running) {
          f.get();
        }
      }
      assertThat(inserted.get()).as("writers were active during paging").isPositive();
      assertThat(seen).as(order).doesNotHaveDuplicates().containsAll(existing);
    }
  }

  @Test
  void pagesFollowTheRequestedOrder() {
    List<String> byName = pageThrough(ModelQuery.all().orderedBy("name").withLimit(50));
    assertThat(byName).isSortedAccordingTo(String::compareTo).hasSize(EXISTING);
  }

  @Test
  void refusesTokensOfOtherListingsAndTamperedTokens() {
    Page<Model> first = publisher.models().list(project, ModelQuery.all().withLimit(10));
    String token = first.nextPageToken();
    assertThat(token).isNotNull();

    expectCode(
        "INVALID_PAGE_TOKEN",
        () ->
            publisher
                .models()
                .list(project, ModelQuery.all().orderedBy("name").withPageToken(token)));
    String tampered = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
    expectCode(
        "INVALID_PAGE_TOKEN",
        () -> publisher.models().list(project, ModelQuery.all().withPageToken(tampered)));
  }

  private List<String> pageThrough(ModelQuery query) {
    List<String> names = new ArrayList<>();
    String token = null;
    do {
      Page<Model> page = publisher.models().list(project, query.withPageToken(token));
      page.items().forEach(m -> names.add(m.name()));
      token = page.nextPageToken();
    } while (token != null);
    return names;
  }
}
