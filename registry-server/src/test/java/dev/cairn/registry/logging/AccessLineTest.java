package dev.cairn.registry.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnJson;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 27 item 7: the access line is written with one StringBuilder straight into the console
 * handler's queue instead of through a Jackson node, JUL and the formatter. Readers of the log must
 * not see a difference: the line is byte for byte the one the JUL path writes.
 */
class AccessLineTest {

  private final ObjectMapper json = CairnJson.strictMapper();
  private final StructuredLog log = new StructuredLog(json);

  @Test
  void theDirectLineIsTheLineJulWrites() {
    // Request ids, methods and routes as the filter passes them (sane tokens, upper-case tokens,
    // templates); actors as anything at all.
    List<Object[]> cases =
        List.of(
            new Object[] {
              "3f1c", "bootstrap-admin", "GET", "/api/v1/projects/{project}/resolve", 200, 176L
            },
            new Object[] {"a.b:c-D_9", "ana\\<\u2028>\u0001\"é𝄞", "PUT", "unmatched", 404, 0L},
            new Object[] {"x", "anonymous", "DELETE", "/health/live", 503, 614_887L},
            new Object[] {"y", null, "GET", "/metrics", 200, 12_000L},
            new Object[] {"z", "ci", "POST", "/api/v1/projects", 201, 1_234_567_089L});
    long millis = 1_765_065_407_000L; // a whole second: Instant prints no fraction then
    for (Object[] c : cases) {
      for (long at : new long[] {millis, millis + 375}) {
        String julMessage =
            log.accessEvent(
                    (String) c[0],
                    (String) c[1],
                    (String) c[2],
                    (String) c[3],
                    (Integer) c[4],
                    (Long) c[5])
                .toString();
        LogRecord record = new LogRecord(Level.INFO, julMessage);
        record.setLoggerName("cairn.access");
        record.setMillis(at);

        assertThat(
                StructuredLog.accessLine(
                    at,
                    (String) c[0],
                    (String) c[1],
                    (String) c[2],
                    (String) c[3],
                    (Integer) c[4],
                    (Long) c[5]))
            .isEqualTo(new JsonLineFormatter().format(record));
      }
    }
  }

  @Test
  void latencyIsMillisecondsWithThreeDecimalsAndReadsBackAsTheSameNumber() throws Exception {
    for (long micros : new long[] {0, 7, 42, 176, 1_000, 12_000, 614_887, 1_234_567_089}) {
      String text = StructuredLog.milliseconds(new StringBuilder(), micros).toString();
      assertThat(text).matches("[0-9]+\\.[0-9]{3}");
      assertThat(json.readTree(text).decimalValue().movePointRight(3).longValueExact())
          .isEqualTo(micros);
    }
  }

  @Test
  void theTimestampIsTheInstantsTextForEveryMillisecond() {
    Random random = new Random(7);
    long millis = 1_765_065_407_000L;
    for (int i = 0; i < 100_000; i++) {
      millis += random.nextInt(3) == 0 ? 0 : random.nextInt(1_000);
      assertThat(JsonLineFormatter.timestamp(millis))
          .isEqualTo(Instant.ofEpochMilli(millis).toString());
    }
  }

  @Test
  void plainAndEscapedTextQuoteAsJacksonQuotesIt() {
    JsonStringEncoder jackson = JsonStringEncoder.getInstance();
    for (String s :
        List.of(
            "",
            "bootstrap-admin",
            "/api/v1/projects/{project}/resolve",
            "a\"b",
            "back\\slash",
            "tab\t",
            "del\u007f",
            "~ !#$%&'()*+,-./:;<=>?@[]^_`{|}",
            "é",
            "\u2028")) {
      assertThat(JsonLineFormatter.quote(new StringBuilder(), s).toString())
          .isEqualTo(new String(jackson.quoteAsString(s)));
    }
  }
}
