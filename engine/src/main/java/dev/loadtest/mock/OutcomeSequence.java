package dev.loadtest.mock;

import dev.loadtest.plan.MockSettings;
import java.util.SplittableRandom;

/**
 * The mock's answers as a pure function of the seed and the request's sequence number: draw
 * {@code n} is always the same for the same settings, whoever asks and whenever.
 *
 * <p>"Deterministic" therefore means: the first N requests the mock receives get, between them,
 * exactly the same outcomes and delays on every run with the same seed (on the same JDK, whose
 * random algorithms fix the numbers). Which client request receives which draw depends on the
 * order in which concurrent requests reach the server, which no seed can fix; with one client
 * sending one request at a time the whole exchange is reproducible.
 *
 * <p>Immutable and thread-safe.
 */
final class OutcomeSequence {

  /** What a request is answered with. */
  enum Outcome {
    OK(200),
    SERVER_ERROR(500),
    RATE_LIMITED(429);

    private final int status;

    Outcome(int status) {
      this.status = status;
    }

    /** The HTTP status code sent for this outcome. */
    int status() {
      return status;
    }
  }

  /**
   * One request's fate.
   *
   * @param outcome what the request is answered with
   * @param delayNanos how long to wait before answering, in nanoseconds, never negative
   */
  record Draw(Outcome outcome, long delayNanos) {}

  private final MockSettings settings;
  private final long base;

  OutcomeSequence(MockSettings settings) {
    this.settings = settings;
    // Scrambling the seed once keeps seed 2 from replaying seed 1's draws shifted by one request.
    this.base = new SplittableRandom(settings.seed()).nextLong();
  }

  /** The draw for the request with this sequence number (0 for the first request). */
  Draw draw(long sequence) {
    // A fresh generator per request makes draw n independent of how many draws came before it,
    // so concurrent requests need no shared, contended random state.
    SplittableRandom random = new SplittableRandom(base + sequence);
    Outcome outcome = outcomeFor(random.nextDouble());
    return new Draw(outcome, Math.max(0, settings.latency().sampleNanos(random)));
  }

  private Outcome outcomeFor(double uniform) {
    if (uniform < settings.errorRate()) {
      return Outcome.SERVER_ERROR;
    }
    if (uniform < settings.errorRate() + settings.rateLimitRate()) {
      return Outcome.RATE_LIMITED;
    }
    return Outcome.OK;
  }

  @Override
  public String toString() {
    return "OutcomeSequence{" + settings.describe() + "}";
  }
}
