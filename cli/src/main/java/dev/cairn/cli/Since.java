package dev.cairn.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** {@code --since}: an RFC 3339 instant, or an age as kubectl takes it ({@code 90s 15m 2h 7d}). */
final class Since {

  private Since() {}

  static Instant parse(String value, Clock clock) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    if (text.matches("\\d+[smhd]")) {
      long amount = Long.parseLong(text.substring(0, text.length() - 1));
      Duration age =
          switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
          };
      return clock.instant().minus(age);
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new ExitCodes.Failure(
          ExitCodes.USAGE, "--since takes an instant or an age like 15m, not '" + value + "'");
    }
  }
}
