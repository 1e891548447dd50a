package dev.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Retry-After as seconds or an HTTP date, with its fallback and its cap. */
class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z");
  private static final Duration FALLBACK = Duration.ofSeconds(1);
  private static final Duration CAP = Duration.ofSeconds(30);

  @Test
  void readsSecondsDatesAndFallsBack() {
    // seconds, as most APIs send it
    assertThat(RetryAfter.waitFor("3", FALLBACK, CAP, NOW)).isEqualTo(Duration.ofSeconds(3));
    // an HTTP date five seconds ahead
    assertThat(RetryAfter.waitFor("Wed, 21 Oct 2026 07:28:05 GMT", FALLBACK, CAP, NOW))
        .isEqualTo(Duration.ofSeconds(5));
    // a date already past: no wait
    assertThat(RetryAfter.waitFor("Wed, 21 Oct 2026 07:27:00 GMT", FALLBACK, CAP, NOW))
        .isZero();
    // absent or unreadable: the fallback
    assertThat(RetryAfter.waitFor(null, FALLBACK, CAP, NOW)).isEqualTo(FALLBACK);
    assertThat(RetryAfter.waitFor("soon", FALLBACK, CAP, NOW)).isEqualTo(FALLBACK);
    // more than the cap: the cap
    assertThat(RetryAfter.waitFor("3600", FALLBACK, CAP, NOW)).isEqualTo(CAP);
  }
}
