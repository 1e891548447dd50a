package dev.loadtest.plan;

import java.util.SplittableRandom;

/**
 * The intended start times of an open model's arrivals: a pure function of the profile, the
 * seed and the arrival's index, with no clock inside.
 *
 * <p>Arrival {@code k} happens where the cumulative rate Λ(t) (the expected number of arrivals
 * by time t) reaches {@code u(k)}: evenly spaced arrivals use {@code u(k) = k}, so a constant
 * rate r gives exactly {@code k / r}; Poisson arrivals use the running sum of unit-mean
 * exponential draws, which turns a time-varying rate into a proper non-homogeneous Poisson
 * process.
 *
 * <p>A worker running a {@link Segment} walks the whole sequence and keeps the arrivals it owns
 * (arrival k goes to worker k mod N), so the workers' arrivals together are exactly the
 * single-process schedule, Poisson draws included.
 *
 * <p>Not thread-safe: one cursor per driver.
 */
public final class ArrivalSchedule {

  private final double[] stageStartSeconds;
  private final double[] stageStartArrivals;
  private final double[] stageStartRates;
  private final double[] stageSlopes;
  private final double totalArrivals;
  private final double endSeconds;
  private final SplittableRandom random;
  private final Segment segment;
  private long index;
  private long lastIndex = -1;
  private double nextUnit;

  /** The whole schedule of a profile; {@code seed} matters only for Poisson arrivals. */
  public ArrivalSchedule(OpenLoad load, long seed) {
    this(load, seed, Segment.WHOLE);
  }

  /** One worker's arrivals of the profile's whole schedule. */
  public ArrivalSchedule(OpenLoad load, long seed, Segment segment) {
    this.segment = segment;
    int count = load.stages().size();
    stageStartSeconds = new double[count];
    stageStartArrivals = new double[count];
    stageStartRates = new double[count];
    stageSlopes = new double[count];
    double time = 0;
    double arrivals = 0;
    double rate = load.initialRate();
    for (int i = 0; i < count; i++) {
      OpenLoad.RateStage stage = load.stages().get(i);
      double length = stage.duration().toNanos() / 1e9;
      stageStartSeconds[i] = time;
      stageStartArrivals[i] = arrivals;
      stageStartRates[i] = rate;
      stageSlopes[i] = length == 0 ? 0 : (stage.targetRate() - rate) / length;
      arrivals += (rate + stage.targetRate()) / 2 * length;
      time += length;
      rate = stage.targetRate();
    }
    totalArrivals = arrivals;
    endSeconds = time;
    random = load.poisson() ? new SplittableRandom(seed) : null;
    nextUnit = load.poisson() ? exponential() : 0;
  }

  /**
   * The intended start of the next arrival, in nanoseconds from the scenario's start, or
   * {@code Long.MAX_VALUE} when the profile has no more arrivals.
   */
  public long next() {
    while (true) {
      long wholeIndex = index;
      long at = nextOfWhole();
      if (at == Long.MAX_VALUE || segment.owns(wholeIndex)) {
        lastIndex = at == Long.MAX_VALUE ? lastIndex : wholeIndex;
        return at;
      }
    }
  }

  /** The number, in the whole schedule, of the arrival {@link #next()} returned last. */
  public long lastIndex() {
    return lastIndex;
  }

  private long nextOfWhole() {
    double unit = random == null ? index : nextUnit;
    if (unit >= totalArrivals - 1e-9 * Math.max(1, totalArrivals)) {
      return Long.MAX_VALUE;
    }
    index++;
    if (random != null) {
      nextUnit += exponential();
    }
    return Math.round(timeOfArrivals(unit) * 1e9);
  }

  private double exponential() {
    return -Math.log(1.0 - random.nextDouble());
  }

  /** Λ⁻¹: the time, in seconds, at which {@code arrivals} arrivals are expected. */
  double timeOfArrivals(double arrivals) {
    int stage = stageStartArrivals.length - 1;
    while (stage > 0 && stageStartArrivals[stage] > arrivals) {
      stage--;
    }
    double needed = arrivals - stageStartArrivals[stage];
    double rate = stageStartRates[stage];
    double halfSlope = stageSlopes[stage] / 2;
    // Solve halfSlope x² + rate x = needed for the root in the stage, in the form that stays
    // accurate when the slope is tiny or the rate starts at zero.
    double root = Math.sqrt(Math.max(0, rate * rate + 4 * halfSlope * needed));
    double within = rate + root == 0 ? 0 : 2 * needed / (rate + root);
    return Math.min(endSeconds, stageStartSeconds[stage] + within);
  }

  @Override
  public String toString() {
    return "ArrivalSchedule[segment " + segment + ", walked " + index + " of ~"
        + Math.round(totalArrivals) + "]";
  }
}
