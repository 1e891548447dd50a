package dev.loadtest.spec;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the quantities a spec writes with units: durations ({@code 1m30s}, {@code 1500ms}) and
 * shares ({@code 0.1%} or {@code 0.001}). The schema has already checked the shape; these methods
 * still reject what they cannot read, so they are safe on unvalidated text.
 */
public final class Quantities {

  private static final Pattern DURATION_PART =
      Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ns|us|ms|s|m|h)");
  private static final Pattern PERCENT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)%");

  private Quantities() {}

  /** True if the text has the shape of a duration, e.g. {@code 2s} or {@code 1m30s}. */
  public static boolean isDuration(String text) {
    return !text.isEmpty() && DURATION_PART.matcher(text).replaceAll("").isEmpty();
  }

  /**
   * Parses {@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 5m}, {@code 1h}, {@code 1m30s}.
   *
   * @throws IllegalArgumentException naming the expected form
   */
  public static Duration parseDuration(String text) {
    if (!isDuration(text)) {
      throw new IllegalArgumentException(
          "expected a duration with a unit, like 500ms, 2s, 1.5m or 1m30s, but got '" + text + "'");
    }
    Matcher part = DURATION_PART.matcher(text);
    double nanos = 0;
    while (part.find()) {
      nanos += Double.parseDouble(part.group(1)) * nanosPerUnit(part.group(2));
    }
    return Duration.ofNanos(Math.round(nanos));
  }

  private static double nanosPerUnit(String unit) {
    return switch (unit) {
      case "ns" -> 1;
      case "us" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m" -> 60e9;
      case "h" -> 3600e9;
      default -> throw new IllegalArgumentException("unknown unit " + unit);
    };
  }

  /** True if the text is a percentage like {@code 0.5%}. */
  public static boolean isPercent(String text) {
    return PERCENT.matcher(text).matches();
  }

  /** Parses {@code 0.5%} into 0.005. */
  public static double parsePercent(String text) {
    Matcher matcher = PERCENT.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("expected a percentage like 0.5%, but got '" + text + "'");
    }
    return Double.parseDouble(matcher.group(1)) / 100.0;
  }

  /** Formats a duration the way a spec would write it: {@code 1m30s}, {@code 250ms}. */
  public static String formatDuration(Duration duration) {
    long millis = duration.toMillis();
    if (millis == 0 && !duration.isZero()) {
      return duration.toNanos() / 1000 + "us";
    }
    if (millis % 1000 != 0 || millis < 1000) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    StringBuilder text = new StringBuilder();
    if (seconds >= 3600) {
      text.append(seconds / 3600).append('h');
      seconds %= 3600;
    }
    if (seconds >= 60) {
      text.append(seconds / 60).append('m');
      seconds %= 60;
    }
    if (seconds > 0) {
      text.append(seconds).append('s');
    }
    return text.toString();
  }
}
