package dev.cairn.registry.console;

import dev.cairn.registry.testing.TestRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One headless Chromium per test class, on the shared registry with the console's data (seeded once
 * per JVM).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleSession {

  final TestRegistry registry = TestRegistry.shared();
  Browser browser;
  ConsoleData data;

  @BeforeAll
  void start() throws Exception {
    browser = Browser.open(registry.uri());
    data = ConsoleData.shared(registry);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
  }
}
