package dev.cairn.registry.webhook;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One registry per test class that delivers to loopback and attempts a failed delivery again only
 * after a minute, so every attempt a test sees within its waits is the first of a claim: for the
 * tests that count attempts or wait for a first record ({@link WebhookLeaseTest}, {@link
 * WebhookDeliveryLogTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SlowRetryHooks {

  WebhookFixture hooks;

  @BeforeAll
  void start() {
    hooks = WebhookFixture.start(Map.of("CAIRN_WEBHOOK_RETRY_SECONDS", "0,60"));
  }

  @AfterAll
  void stop() {
    if (hooks != null) {
      hooks.close();
    }
  }
}
