package dev.loadtest.plan;

import java.time.Duration;
import java.util.List;

/**
 * Open model: iterations arrive on a schedule whether or not the target keeps up, as users of a
 * public service do. The arrival rate changes linearly within each stage.
 *
 * @param initialRate arrivals per second at the start of the first stage
 * @param stages consecutive stages, each ending at its target rate
 * @param poisson arrivals at random (Poisson process) instead of evenly spaced
 * @param maxConcurrency most iterations in flight at once
 * @param whenSaturated what happens to an arrival when {@code maxConcurrency} are in flight
 */
public record OpenLoad(
    double initialRate,
    List<RateStage> stages,
    boolean poisson,
    int maxConcurrency,
    Saturation whenSaturated) implements LoadProfile {

  /** Change the rate linearly to {@code targetRate} arrivals per second over {@code duration}. */
  public record RateStage(Duration duration, double targetRate) {
    public RateStage {
      if (duration.isNegative() || !(targetRate >= 0) || Double.isInfinite(targetRate)) {
        throw new IllegalArgumentException("a rate stage needs duration >= 0 and rate >= 0");
      }
    }
  }

  /** What an arrival does when the concurrency cap is reached. */
  public enum Saturation {
    /** Not started; counted as dropped. */
    DROP,
    /** Waits for a free slot; the wait is part of its latency. */
    QUEUE
  }

  public OpenLoad {
    stages = List.copyOf(stages);
    if (!(initialRate >= 0) || maxConcurrency < 1) {
      throw new IllegalArgumentException("need initialRate >= 0 and maxConcurrency >= 1");
    }
  }

  /** A constant rate for a duration. */
  public static OpenLoad constant(double rate, Duration duration, boolean poisson,
      int maxConcurrency, Saturation whenSaturated) {
    return new OpenLoad(rate, List.of(new RateStage(duration, rate)), poisson, maxConcurrency,
        whenSaturated);
  }

  @Override
  public Duration duration() {
    return stages.stream().map(RateStage::duration).reduce(Duration.ZERO, Duration::plus);
  }

  /** Iterations in flight at most: the cap is the open model's users. */
  @Override
  public int peakUsers() {
    return maxConcurrency;
  }

  /** The highest arrival rate of the profile, per second. */
  public double peakRate() {
    return stages.stream().mapToDouble(RateStage::targetRate).reduce(initialRate, Math::max);
  }

  /** Expected number of arrivals over the whole profile: the area under the rate. */
  public double expectedArrivals() {
    double total = 0;
    double rate = initialRate;
    for (RateStage stage : stages) {
      total += (rate + stage.targetRate()) / 2 * stage.duration().toNanos() / 1e9;
      rate = stage.targetRate();
    }
    return total;
  }

  /** The same profile with every rate multiplied by {@code factor}. */
  public OpenLoad scaledBy(double factor) {
    return new OpenLoad(initialRate * factor, stages.stream()
        .map(stage -> new RateStage(stage.duration(), stage.targetRate() * factor)).toList(),
        poisson, maxConcurrency, whenSaturated);
  }

  @Override
  public String describe() {
    StringBuilder text = new StringBuilder("open model, ")
        .append(poisson ? "Poisson" : "evenly spaced").append(" arrivals from ")
        .append(format(initialRate)).append("/s:");
    for (RateStage stage : stages) {
      text.append(' ').append(format(stage.targetRate())).append("/s over ")
          .append(dev.loadtest.spec.Quantities.formatDuration(stage.duration())).append(';');
    }
    text.setLength(text.length() - 1);
    return text.append(", at most ").append(maxConcurrency).append(" in flight (")
        .append(whenSaturated == Saturation.DROP ? "then dropped" : "then queued").append(')')
        .toString();
  }

  private static String format(double rate) {
    return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
  }
}
