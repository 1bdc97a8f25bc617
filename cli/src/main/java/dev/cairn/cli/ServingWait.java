package dev.cairn.cli;

import dev.cairn.client.CairnClient;
import dev.cairn.client.EventSubscriber;
import dev.cairn.client.model.ModelStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code --wait} of {@code activate} and {@code alias rollback}: follows the model's event stream
 * and, on each event (an instance report is {@code instance.updated}), reads the model's status,
 * whose serving count comes from the instance reports; prints {@code serving n/m} as replicas
 * converge, returns once every serving replica is on the alias's pointers, and exits 5 at the
 * timeout. Without a token (a signing key) it reads the status every second instead.
 */
final class ServingWait {

  private static final Duration RECHECK = Duration.ofSeconds(1);

  private final Session session;
  private final String model;
  private final String alias;

  ServingWait(Session session, String model, String alias) {
    this.session = session;
    this.model = model;
    this.alias = alias;
  }

  void until(Duration timeout) {
    CairnClient client = session.client();
    String project = session.project();
    Semaphore changed = new Semaphore(0);
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    try (EventSubscriber events = follow(project, changed)) {
      while (System.nanoTime() < deadline) {
        ModelStatus.Serving serving = client.models().status(project, model, alias).serving();
        String now = "serving " + serving.onTarget() + "/" + serving.instances();
        if (!now.equals(last)) {
          session.output().say(now);
          last = now;
        }
        if (serving.instances() > 0 && serving.onTarget() == serving.instances()) {
          return;
        }
        long wait = Math.min(RECHECK.toNanos(), deadline - System.nanoTime());
        if (wait > 0 && changed.tryAcquire(wait, TimeUnit.NANOSECONDS)) {
          changed.drainPermits();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new ExitCodes.Failure(
        ExitCodes.TIMEOUT,
        "not every replica serves the new pointers after "
            + timeout.toSeconds()
            + " s ("
            + last
            + ")");
  }

  /** The model's events, each one a reason to look again; none without a token. */
  private EventSubscriber follow(String project, Semaphore changed) {
    return session
        .token()
        .filter(token -> !session.signs())
        .map(
            token ->
                EventSubscriber.start(
                    session.server(), token, project, List.of(model), -1, e -> changed.release()))
        .orElse(null);
  }
}
