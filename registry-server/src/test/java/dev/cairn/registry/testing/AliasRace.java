package dev.cairn.registry.testing;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Races {@code racers} PUTs of the same pointers with the same {@code If-Match}, alternating
 * between two registry replicas, while a reader polls both; reports every status and every pointer
 * set the reader saw.
 */
public final class AliasRace {

  /** What the race produced. */
  public record Outcome(List<Integer> statuses, Set<Map<String, String>> seen) {

    public long count(int status) {
      return statuses.stream().filter(s -> s == status).count();
    }
  }

  private AliasRace() {}

  public static Outcome run(
      CairnClient onA,
      CairnClient onB,
      String project,
      String model,
      String alias,
      Map<String, String> pointers,
      long ifMatch,
      int racers)
      throws Exception {
    Set<Map<String, String>> seen = ConcurrentHashMap.newKeySet();
    List<Integer> statuses = new CopyOnWriteArrayList<>();
    AtomicBoolean racing = new AtomicBoolean(true);
    try (ExecutorService pool = Executors.newFixedThreadPool(48)) {
      Future<?> reader =
          pool.submit(
              () -> {
                for (int i = 0; racing.get() || i < 20; i++) {
                  seen.add(
                      (i % 2 == 0 ? onA : onB).aliases().get(project, model, alias).pointers());
                }
              });
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        CairnClient side = i % 2 == 0 ? onA : onB;
        running.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    side.aliases()
                        .put(
                            project,
                            model,
                            alias,
                            AliasUpdate.pointers(pointers, "race"),
                            ifMatch,
                            null);
                    statuses.add(200);
                  } catch (CairnApiException e) {
                    statuses.add(e.status());
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> racer : running) {
        racer.get();
      }
      racing.set(false);
      reader.get();
    }
    return new Outcome(statuses, seen);
  }
}
