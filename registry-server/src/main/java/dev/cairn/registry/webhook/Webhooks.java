package dev.cairn.registry.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.registry.config.WebhookSettings;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.events.StoredEvent;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.metrics.WebhookMetrics;
import dev.cairn.registry.project.ProjectRepository;

/**
 * The webhook machinery of one replica, built together: the admin's service and the delivery worker
 * over the shared outbox. {@link #start} starts the worker; {@link #close} stops it.
 */
public final class Webhooks implements AutoCloseable {

  private final WebhookService service;
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
    this.service =
        new WebhookService(
            db,
            new WebhookRepository(),
            new ProjectRepository(),
            new WebhookRules(targets),
            secrets,
            journal,
            json);
    service.wakeWith(worker::wake);
    QueueDepth depth = new QueueDepth(queue::depth);
    metrics.queue(() -> depth.get().pending(), () -> depth.get().oldestSeconds());
  }

  public WebhookService service() {
    return service;
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
