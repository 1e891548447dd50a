package dev.loadtest.plan;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** The pause a virtual user takes after each task. Implementations are immutable. */
public sealed interface ThinkTime {

  /** Draws one pause in nanoseconds. */
  long sampleNanos(RandomGenerator random);

  /** The mean pause in nanoseconds, for estimating rates. */
  double meanNanos();

  String describe();

  /** No pause: the next task starts as soon as the last one ends. */
  record None() implements ThinkTime {
    @Override
    public long sampleNanos(RandomGenerator random) {
      return 0;
    }

    @Override
    public double meanNanos() {
      return 0;
    }

    @Override
    public String describe() {
      return "none";
    }
  }

  /** The same pause every time. */
  record Constant(Duration pause) implements ThinkTime {
    @Override
    public long sampleNanos(RandomGenerator random) {
      return pause.toNanos();
    }

    @Override
    public double meanNanos() {
      return pause.toNanos();
    }

    @Override
    public String describe() {
      return dev.loadtest.spec.Quantities.formatDuration(pause);
    }
  }

  /** Any pause between min and max, equally likely (Locust's {@code between}). */
  record Uniform(Duration min, Duration max) implements ThinkTime {
    public Uniform {
      if (max.compareTo(min) < 0) {
        throw new IllegalArgumentException("think time max is below min");
      }
    }

    @Override
    public long sampleNanos(RandomGenerator random) {
      long span = max.toNanos() - min.toNanos();
      return min.toNanos() + (span == 0 ? 0 : random.nextLong(span + 1));
    }

    @Override
    public double meanNanos() {
      return (min.toNanos() + max.toNanos()) / 2.0;
    }

    @Override
    public String describe() {
      return "uniform " + dev.loadtest.spec.Quantities.formatDuration(min) + ".."
          + dev.loadtest.spec.Quantities.formatDuration(max);
    }
  }

  /**
   * Exponentially distributed pauses, as between independent user actions; capped at
   * {@code max} so one unlucky draw cannot idle a user for the rest of the run.
   */
  record Exponential(Duration mean, Duration max) implements ThinkTime {
    @Override
    public long sampleNanos(RandomGenerator random) {
      double draw = -Math.log(1.0 - random.nextDouble()) * mean.toNanos();
      return Math.min(max.toNanos(), Math.round(draw));
    }

    @Override
    public double meanNanos() {
      double capRatio = (double) max.toNanos() / mean.toNanos();
      return mean.toNanos() * (1 - Math.exp(-capRatio));
    }

    @Override
    public String describe() {
      return "exponential mean " + dev.loadtest.spec.Quantities.formatDuration(mean) + " max "
          + dev.loadtest.spec.Quantities.formatDuration(max);
    }
  }
}
