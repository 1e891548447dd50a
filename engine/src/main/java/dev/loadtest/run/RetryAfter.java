package dev.loadtest.run;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads a {@code Retry-After} header: whole seconds ({@code 120}) or an HTTP date
 * ({@code Wed, 21 Oct 2026 07:28:00 GMT}). Stateless.
 */
final class RetryAfter {

  private RetryAfter() {}

  /**
   * How long the server asks the client to wait, capped at {@code max}.
   *
   * @param header the header's value, or null when absent
   * @param fallback the wait when the header is absent or unreadable
   * @param now the current wall-clock time, for dates
   */
  static Duration waitFor(String header, Duration fallback, Duration max, Instant now) {
    Duration wait = parse(header, now).orElse(fallback);
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(max) > 0 ? max : wait;
  }

  private static java.util.Optional<Duration> parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return java.util.Optional.empty();
    }
    String text = header.trim();
    try {
      return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(text)));
    } catch (NumberFormatException notSeconds) {
      // An HTTP date, then.
    }
    try {
      Instant until = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return java.util.Optional.of(Duration.between(now, until));
    } catch (DateTimeParseException unreadable) {
      return java.util.Optional.empty();
    }
  }
}
