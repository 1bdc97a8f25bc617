package dev.cairn.registry.config;

import io.helidon.config.Config;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How webhooks are delivered (issue 30 item 4): the delay before each attempt ({@code
 * CAIRN_WEBHOOK_RETRY_SECONDS}, the first one 0: an event is attempted as soon as it commits),
 * whether plain {@code http} targets are allowed ({@code CAIRN_WEBHOOK_ALLOW_HTTP}) and which
 * ranges inside the network targets may reach ({@code CAIRN_WEBHOOK_ALLOW_CIDRS}; loopback,
 * private, link-local and metadata addresses are refused otherwise, as for references).
 */
public record WebhookSettings(
    List<Duration> schedule, boolean allowHttp, List<AddressRange> allowedRanges) {

  /** Immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h (issue 30 item 4). */
  static final String DEFAULT_SCHEDULE = "0,5,300,1800,7200,18000,36000,50400,72000,86400";

  private static final int MAX_ATTEMPTS = 50;

  public WebhookSettings {
    schedule = List.copyOf(schedule);
    allowedRanges = List.copyOf(allowedRanges);
  }

  /** How many attempts a delivery gets before it is given up. */
  public int attempts() {
    return schedule.size();
  }

  static WebhookSettings read(Config c) {
    return new WebhookSettings(
        schedule(ConfigValues.optional(c, "webhooks.retry-seconds").orElse(DEFAULT_SCHEDULE)),
        c.get("webhooks.allow-http").asBoolean().orElse(false),
        ranges(ConfigValues.optional(c, "webhooks.allow-cidrs").orElse("")));
  }

  static List<Duration> schedule(String raw) {
    List<Duration> delays;
    try {
      delays =
          Arrays.stream(raw.split(","))
              .map(String::trim)
              .map(Long::parseLong)
              .map(Duration::ofSeconds)
              .toList();
    } catch (NumberFormatException e) {
      throw new StartupException(
          "CAIRN_WEBHOOK_RETRY_SECONDS must be comma-separated seconds, not '" + raw + "'.");
    }
    if (delays.isEmpty()
        || delays.size() > MAX_ATTEMPTS
        || !delays.get(0).isZero()
        || delays.stream().anyMatch(d -> d.isNegative() || d.compareTo(Duration.ofDays(2)) > 0)) {
      throw new StartupException(
          "CAIRN_WEBHOOK_RETRY_SECONDS must start with 0 (the first attempt is immediate) and"
              + " list at most "
              + MAX_ATTEMPTS
              + " delays of 0 to 172800 seconds, not '"
              + raw
              + "'.");
    }
    return delays;
  }

  private static List<AddressRange> ranges(String cidrs) {
    try {
      return Arrays.stream(cidrs.split(","))
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .map(AddressRange::parse)
          .toList();
    } catch (IllegalArgumentException e) {
      throw new StartupException("CAIRN_WEBHOOK_ALLOW_CIDRS: " + e.getMessage());
    }
  }
}
