package dev.cairn.registry.webhook;

import dev.cairn.registry.config.WebhookSettings;
import dev.cairn.registry.metrics.WebhookMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The delivery loop of one replica: claims due outbox rows while it has free sending slots, sends
 * each on a virtual thread that records its outcome and frees its slot; when nothing is due it
 * sleeps until an event commits anywhere ({@link #wake}, called from the event feed) or {@link
 * #POLL} passes (retries come due by time). 2xx is success; 410 disables the endpoint; anything
 * else (no answer, 3xx, 4xx, 5xx) is retried along {@code CAIRN_WEBHOOK_RETRY_SECONDS}, or after
 * {@code Retry-After} when the endpoint sent one, until the schedule's attempts are spent.
 */
public final class DeliveryWorker implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final int BATCH = 16;

  /**
   * Attempts in flight at once on this replica: a slow endpoint holds at most {@link
   * WebhookSender#PER_ENDPOINT} slots (the claim takes no more of its rows), not the loop, so the
   * others' deliveries go on.
   */
  private static final int IN_FLIGHT = 64;

  private final DeliveryQueue queue;
  private final WebhookSender sender;
  private final SecretBox secrets;
  private final WebhookSettings settings;
  private final WebhookMetrics metrics;
  private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
  private final Object signal = new Object();
  private final Thread loop;
  private boolean woken;
  private volatile boolean running = true;

  DeliveryWorker(
      DeliveryQueue queue,
      WebhookSender sender,
      SecretBox secrets,
      WebhookSettings settings,
      WebhookMetrics metrics) {
    this.queue = queue;
    this.sender = sender;
    this.secrets = secrets;
    this.settings = settings;
    this.metrics = metrics;
    this.loop = Thread.ofPlatform().daemon().name("cairn-webhooks").unstarted(this::run);
  }

  DeliveryWorker start() {
    loop.start();
    return this;
  }

  /** Something may be due: an event committed here or on another replica. */
  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  private void run() {
    while (running) {
      try {
        int free = inFlight.availablePermits();
        List<DeliveryQueue.Claimed> claimed =
            free == 0 ? List.of() : queue.claim(Math.min(BATCH, free));
        if (claimed.isEmpty()) {
          sleep();
          continue;
        }
        for (DeliveryQueue.Claimed row : claimed) {
          inFlight.acquire();
          senders.submit(
              () -> {
                try {
                  attempt(row);
                } finally {
                  inFlight.release();
                  // A slot is free: rows that waited for one may be claimed now.
                  wake();
                }
              });
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // The database may be away: the rows stay in the outbox; try again after a pause.
        LOG.log(Level.WARNING, "webhook delivery round failed", e);
        sleep();
      }
    }
  }

  private void sleep() {
    synchronized (signal) {
      if (!woken && running) {
        try {
          signal.wait(POLL.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
      woken = false;
    }
  }

  private void attempt(DeliveryQueue.Claimed row) {
    WebhookSender.Outcome outcome;
    try {
      outcome = send(row);
    } catch (RuntimeException e) {
      // Not the endpoint's doing (a secret that does not open, say): logged here, and the attempt
      // counts as failed so the row is not stuck under its lease.
      LOG.log(Level.WARNING, "webhook delivery " + row.id() + " could not be sent", e);
      outcome =
          new WebhookSender.Outcome(
              0, Duration.ZERO, null, e.getClass().getSimpleName(), Optional.empty());
    }
    DeliveryQueue.Next next = next(row.attempt(), outcome);
    try {
      if (!queue.record(row, outcome, next)) {
        // Outlived its lease and the row was claimed again: that claim's outcome counts.
        LOG.warning("webhook delivery " + row.id() + ": attempt " + row.attempt() + " superseded");
        metrics.unrecorded("superseded");
      }
    } catch (RuntimeException e) {
      // Said here because nothing else would: the task's Future is not read. The row keeps its
      // lease and is attempted again once it ends.
      LOG.log(Level.WARNING, "webhook delivery " + row.id() + ": outcome not recorded", e);
      metrics.unrecorded("error");
      return;
    }
    metrics.attempted(
        switch (next) {
          case DeliveryQueue.Next.Delivered d -> "delivered";
          case DeliveryQueue.Next.Retry r -> "retry";
          case DeliveryQueue.Next.GiveUp g -> g.disableEndpoint().isPresent() ? "gone" : "failed";
        });
  }

  private WebhookSender.Outcome send(DeliveryQueue.Claimed row) {
    SignedRequest request =
        SignedRequest.sign(
            row.format(),
            new SignedRequest.Event(row.id().toString(), row.type(), row.createdAt(), row.data()),
            Instant.now(),
            new WebhookSecret(secrets.open(row.endpoint(), row.secret())),
            row.previous().map(p -> new WebhookSecret(secrets.open(row.endpoint(), p))));
    return sender.send(row.url(), request);
  }

  /** What follows attempt number {@code attempt} (1-based) that came to {@code outcome}. */
  DeliveryQueue.Next next(int attempt, WebhookSender.Outcome outcome) {
    if (outcome.delivered()) {
      return new DeliveryQueue.Next.Delivered();
    }
    if (outcome.gone()) {
      return new DeliveryQueue.Next.GiveUp(
          Optional.of("the endpoint answered 410 Gone at " + Instant.now()));
    }
    if (attempt >= settings.attempts()) {
      return new DeliveryQueue.Next.GiveUp(Optional.empty());
    }
    return new DeliveryQueue.Next.Retry(
        outcome.retryAfter().orElse(settings.schedule().get(attempt)));
  }

  @Override
  public void close() throws Exception {
    running = false;
    wake();
    loop.interrupt();
    loop.join(TimeUnit.SECONDS.toMillis(5));
    senders.shutdownNow();
    sender.close();
  }
}
