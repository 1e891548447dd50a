package dev.loadtest.plan;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** A distribution of delays, sampled in nanoseconds. Implementations are immutable. */
public sealed interface LatencyDistribution {

  /** Draws one delay in nanoseconds, never negative. */
  long sampleNanos(RandomGenerator random);

  /** One line for consoles and reports, e.g. {@code logNormal(median 50ms, p99 400ms)}. */
  String describe();

  /** Always the same delay. */
  record Fixed(Duration delay) implements LatencyDistribution {
    @Override
    public long sampleNanos(RandomGenerator random) {
      return delay.toNanos();
    }

    @Override
    public String describe() {
      return "fixed " + dev.loadtest.spec.Quantities.formatDuration(delay);
    }
  }

  /** Every delay between min and max equally likely. */
  record Uniform(Duration min, Duration max) implements LatencyDistribution {
    public Uniform {
      if (max.compareTo(min) < 0) {
        throw new IllegalArgumentException("uniform max " + max + " is below min " + min);
      }
    }

    @Override
    public long sampleNanos(RandomGenerator random) {
      long span = max.toNanos() - min.toNanos();
      return min.toNanos() + (span == 0 ? 0 : random.nextLong(span + 1));
    }

    @Override
    public String describe() {
      return "uniform " + dev.loadtest.spec.Quantities.formatDuration(min) + ".."
          + dev.loadtest.spec.Quantities.formatDuration(max);
    }
  }

  /**
   * Log-normal, the usual shape of service latency: given by its median and 99th percentile,
   * which are easier to reason about than mu and sigma.
   */
  record LogNormal(Duration median, Duration p99) implements LatencyDistribution {
    /** The standard normal's 99th percentile. */
    private static final double Z_99 = 2.3263478740408408;

    public LogNormal {
      if (median.isNegative() || median.isZero() || p99.compareTo(median) < 0) {
        throw new IllegalArgumentException("logNormal needs 0 < median <= p99");
      }
    }

    @Override
    public long sampleNanos(RandomGenerator random) {
      double mu = Math.log(median.toNanos());
      double sigma = (Math.log(p99.toNanos()) - mu) / Z_99;
      return Math.round(Math.exp(mu + sigma * random.nextGaussian()));
    }

    @Override
    public String describe() {
      return "logNormal(median " + dev.loadtest.spec.Quantities.formatDuration(median) + ", p99 "
          + dev.loadtest.spec.Quantities.formatDuration(p99) + ")";
    }
  }
}
