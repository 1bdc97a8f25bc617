package dev.cairn.registry.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.testing.TestTokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Issue 27 item 4: the console's event stream backs off when the events route stops answering — 1
 * s, then 2 s, … up to 30 s, with jitter — and starts again from 1 s once a stream opened; the
 * rollout page's connection indicator says which. The route is made to fail inside the page (a
 * {@code fetch} wrapper that refuses {@code /events} requests and records when each was tried), so
 * the registry itself stays up for the other console tests.
 */
class ConsoleEventBackoffTest extends ConsoleSession {

  /**
   * In mode {@code fail} an events request fails as an unreachable registry does; {@code drop}
   * answers once with a stream that opens and ends at once, then {@code pass} lets requests
   * through.
   */
  private static final String FAIL_EVENTS =
      """
      const real = window.fetch.bind(window);
      window.__events = { mode: 'fail', attempts: [] };
      window.fetch = (url, init) => {
        const events = window.__events;
        if (!String(url).includes('/events?')) {
          return real(url, init);
        }
        events.attempts.push(performance.now());
        if (events.mode === 'pass') {
          return real(url, init);
        }
        if (events.mode === 'drop') {
          events.mode = 'pass';
          return Promise.resolve(new Response('', {
            status: 200, headers: { 'Content-Type': 'text/event-stream' } }));
        }
        return Promise.reject(new TypeError('the events route does not answer'));
      };
      """;

  @Test
  void retriesSpaceOutWhileTheEventsRouteFailsAndResetOnceAStreamOpens() {
    browser.signIn(TestTokens.ADMIN);
    // Installed before the rollout page starts following; the hash change keeps the document.
    browser.script(FAIL_EVENTS);
    browser.script(
        "location.hash = '#/p/"
            + data.project()
            + "/m/"
            + ConsoleData.INK
            + "/a/production/rollout'");

    browser.until(d -> attempts() >= 1 ? true : null);
    browser.until(
        d ->
            d.findElement(By.id("events-state")).getText().contains("failure 1 in a row")
                ? true
                : null);
    browser.until(d -> attempts() >= 2 ? true : null);
    browser.until(
        d ->
            "2".equals(d.findElement(By.id("events-state")).getAttribute("data-failures"))
                ? true
                : null);
    assertThat(browser.text(By.id("events-state")))
        .contains("retrying in 2.", "failure 2 in a row");
    // The third try opens a stream that ends at once: the wait after it is the first one again.
    browser.script("window.__events.mode = 'drop'");
    browser.until(d -> attempts() >= 4 ? true : null);
    browser.until(
        d ->
            "open".equals(d.findElement(By.id("events-state")).getAttribute("data-state"))
                ? true
                : null);
    assertThat(browser.text(By.id("events-state"))).contains("Live");

    List<Double> at = times();
    double first = at.get(1) - at.get(0);
    double second = at.get(2) - at.get(1);
    double afterOpen = at.get(3) - at.get(2);
    // Lower bounds are exact (the jitter only adds); upper bounds leave room for a busy machine.
    assertThat(first).isBetween(1000.0, 2000.0);
    assertThat(second).isGreaterThanOrEqualTo(2000.0).isLessThan(3500.0);
    // Without the reset the wait would be 4 s or more.
    assertThat(afterOpen).isGreaterThanOrEqualTo(1000.0).isLessThan(3000.0);
  }

  @Test
  void theWaitIsCappedAtThirtySecondsBeforeItsJitter() {
    browser.go("#/signin");
    Object delays =
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "import('/ui/events.js').then((m) => done([1, 2, 3, 5, 6, 7, 40, 10000]"
                    + ".flatMap((n) => [m.retryDelay(n, () => 0), m.retryDelay(n, () => 0.99999)])));");
    assertThat(delays)
        .isEqualTo(
            List.of(
                1000L, 1200L, 2000L, 2400L, 4000L, 4800L, 16000L, 19200L, 30000L, 36000L, 30000L,
                36000L, 30000L, 36000L, 30000L, 36000L));
  }

  private long attempts() {
    return (Long) browser.script("return window.__events.attempts.length");
  }

  @SuppressWarnings("unchecked")
  private List<Double> times() {
    return ((List<Object>) browser.script("return window.__events.attempts"))
        .stream().map(n -> ((Number) n).doubleValue()).toList();
  }
}
