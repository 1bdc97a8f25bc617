package dev.cairn.registry.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.registry.config.WebhookSettings;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.events.StoredEvent;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.metrics.CachedReading;
import dev.cairn.registry.metrics.WebhookMetrics;
import dev.cairn.registry.project.ProjectRepository;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The webhook machinery of one replica, built together: the admin's services and the delivery
 * worker over the shared outbox. {@link #start} starts the worker; {@link #close} stops it.
 */
public final class Webhooks implements AutoCloseable {

  static final Duration DEPTH_FRESH = Duration.ofSeconds(2);
  static final DeliveryQueue.Depth UNKNOWN_DEPTH = new DeliveryQueue.Depth(Double.NaN, Double.NaN);

  private final WebhookService service;
  private final WebhookActions actions;
  private final DeliveryWorker worker;

  public Webhooks(
      Db db,
      Journal journal,
      ObjectMapper json,
      WebhookSettings settings,
      byte[] auditKey,
      WebhookMetrics metrics) {
    SecretBox secrets = new SecretBox(auditKey);
    WebhookTargets targets = new WebhookTargets(settings);
    DeliveryQueue queue = new DeliveryQueue(db);
    this.worker =
        new DeliveryWorker(
            queue, new WebhookSender(targets.addresses()), secrets, settings, metrics);
    WebhookRepository endpoints = new WebhookRepository();
    EndpointAccess access = new EndpointAccess(endpoints, new ProjectRepository(), journal, json);
    this.service = new WebhookService(db, endpoints, access, new WebhookRules(targets), secrets);
    // A test or a redelivery is queued outside the journal, so no event wakes the worker for it.
    this.actions = new WebhookActions(db, endpoints, access, secrets, json, worker::wake);
    CachedReading<DeliveryQueue.Depth> depth = depthReading(queue::depth);
    metrics.queue(() -> depth.get().pending(), () -> depth.get().oldestSeconds());
  }

  /**
   * The queue's depth as the two gauges read it: one query serves both and every scrape within
   * {@link #DEPTH_FRESH}, off the scraping thread ({@link CachedReading}: {@code /metrics} is
   * public). Unknown (NaN) until first read and while the database cannot be read, so an alert on
   * the depth does not read "empty" during the outage that stops delivery.
   */
  static CachedReading<DeliveryQueue.Depth> depthReading(Supplier<DeliveryQueue.Depth> queue) {
    return CachedReading.every(
        DEPTH_FRESH,
        UNKNOWN_DEPTH,
        "cairn-webhook-depth",
        () -> {
          try {
            return queue.get();
          } catch (RuntimeException e) {
            return UNKNOWN_DEPTH;
          }
        });
  }

  public WebhookService service() {
    return service;
  }

  public WebhookActions actions() {
    return actions;
  }

  /** Tells the worker something may be due: {@code event} committed on some replica. */
  public void wakeOn(StoredEvent event) {
    worker.wake();
  }

  public Webhooks start() {
    worker.start();
    return this;
  }

  @Override
  public void close() throws Exception {
    worker.close();
  }
}
