package dev.loadtest.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Closed model: a number of virtual users, each running tasks one after another, that changes
 * linearly within each stage.
 *
 * <p>Within a stage that goes from {@code a} to {@code b} users over {@code d}, the changes are
 * spread evenly: when growing, user {@code a + j} starts at {@code j * d / (b - a)} (the first at
 * once); when shrinking, the {@code j}-th stop happens at {@code (j + 1) * d / (a - b)} (the last
 * exactly at the stage's end). Users stop in the reverse order of their start.
 *
 * <p>A worker's share keeps the whole plan's stages and runs, of the users active in the whole
 * at any instant, those whose place in start order {@link Segment#owns belongs} to it. Each of
 * its users therefore starts and stops at the very instant the whole plan's would, and the
 * workers' users add up to the whole's at every instant.
 *
 * @param stages consecutive stages of the whole plan; the first starts from zero users
 * @param iterations how many task iterations users run before they stop
 * @param pacing each user starts an iteration at most this often; zero for think time only
 * @param correctCoordinatedOmission with pacing, record an iteration that overran its pacing
 *     interval as the requests that would have waited behind it (HdrHistogram's correction)
 * @param share which of the whole plan's users this profile runs
 */
public record ClosedLoad(
    List<Stage> stages,
    IterationLimit iterations,
    Duration pacing,
    boolean correctCoordinatedOmission,
    Segment share) implements LoadProfile {

  /** Move linearly to {@code targetUsers} over {@code duration}; zero duration jumps. */
  public record Stage(Duration duration, int targetUsers) {
    public Stage {
      if (duration.isNegative() || targetUsers < 0) {
        throw new IllegalArgumentException("stage needs duration >= 0 and users >= 0");
      }
    }
  }

  public ClosedLoad {
    stages = List.copyOf(stages);
    if (pacing.isNegative()) {
      throw new IllegalArgumentException("pacing must not be negative");
    }
  }

  /** The whole plan's users, as one process runs them. */
  public ClosedLoad(List<Stage> stages, IterationLimit iterations, Duration pacing,
      boolean correctCoordinatedOmission) {
    this(stages, iterations, pacing, correctCoordinatedOmission, Segment.WHOLE);
  }

  /** Users that run until their stage ends them, without pacing. */
  public ClosedLoad(List<Stage> stages) {
    this(stages, new IterationLimit.Unlimited(), Duration.ZERO, false);
  }

  /** The classic profile: ramp up, hold, ramp down. */
  public static ClosedLoad rampHoldRampDown(
      int users, Duration rampUp, Duration hold, Duration rampDown) {
    List<Stage> stages = new ArrayList<>();
    stages.add(new Stage(rampUp, users));
    stages.add(new Stage(hold, users));
    stages.add(new Stage(rampDown, 0));
    return new ClosedLoad(stages);
  }

  @Override
  public Duration duration() {
    return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
  }

  /** The most users this share runs at once (a share of a maximum is the maximum share). */
  @Override
  public int peakUsers() {
    return share.shareOf(stages.stream().mapToInt(Stage::targetUsers).max().orElse(0));
  }

  /** Number of this share's active users at {@code elapsedNanos} after the scenario's start. */
  public int usersAt(long elapsedNanos) {
    return share.shareOf(wholeUsersAt(elapsedNanos));
  }

  /**
   * The first instant strictly after {@code elapsedNanos} at which this share's number of users
   * changes, or {@code Long.MAX_VALUE} when it never changes again. A worker skips the whole
   * plan's changes that start or stop other workers' users.
   */
  public long nextChangeNanos(long elapsedNanos) {
    int users = usersAt(elapsedNanos);
    long next = wholeNextChangeNanos(elapsedNanos);
    while (next != Long.MAX_VALUE && usersAt(next) == users) {
      next = wholeNextChangeNanos(next);
    }
    return next;
  }

  private int wholeUsersAt(long elapsedNanos) {
    if (elapsedNanos < 0) {
      return 0;
    }
    int users = 0;
    long stageStart = 0;
    for (Stage stage : stages) {
      long length = stage.duration().toNanos();
      if (elapsedNanos < stageStart + length) {
        return usersWithin(users, stage.targetUsers(), length, elapsedNanos - stageStart);
      }
      users = stage.targetUsers();
      stageStart += length;
    }
    return elapsedNanos < stageStart ? users : 0;
  }

  private long wholeNextChangeNanos(long elapsedNanos) {
    int users = 0;
    long stageStart = 0;
    for (Stage stage : stages) {
      long length = stage.duration().toNanos();
      long change =
          nextChangeInStage(users, stage.targetUsers(), length, elapsedNanos - stageStart);
      if (change >= 0) {
        return stageStart + change;
      }
      users = stage.targetUsers();
      stageStart += length;
    }
    // Whoever is still active stops when the profile ends.
    return users > 0 && elapsedNanos < stageStart ? stageStart : Long.MAX_VALUE;
  }

  /** Offset in the stage of its first change strictly after {@code offset}, or -1 if none. */
  private static long nextChangeInStage(int from, int to, long length, long offset) {
    if (to == from || offset >= length && length > 0 || length == 0 && offset >= 0) {
      return -1;
    }
    if (length == 0 || offset < 0 && to > from) {
      return 0;
    }
    int count = Math.abs(to - from);
    long k = offset < 0 ? 1 : multiplyDivide(offset, count, length) + 1;
    if (k < count) {
      return ceilMultiplyDivide(k, length, count);
    }
    // A growing stage has started everyone; a shrinking one stops its last user at its end.
    return to < from ? length : -1;
  }

  private static int usersWithin(int from, int to, long length, long offset) {
    if (to > from) {
      // Started so far: 1 + floor(offset * n / d), the first one at offset 0.
      long started = 1 + multiplyDivide(offset, to - from, length);
      return (int) Math.min(to, from + started);
    }
    if (to < from) {
      // Stopped so far: floor(offset * n / d); the last stop lands on the stage's end.
      long stopped = multiplyDivide(offset, from - to, length);
      return (int) (from - stopped);
    }
    return from;
  }

  private static long multiplyDivide(long a, long b, long c) {
    return java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b))
        .divide(java.math.BigInteger.valueOf(c)).longValueExact();
  }

  private static long ceilMultiplyDivide(long a, long b, long c) {
    java.math.BigInteger[] qr = java.math.BigInteger.valueOf(a)
        .multiply(java.math.BigInteger.valueOf(b))
        .divideAndRemainder(java.math.BigInteger.valueOf(c));
    return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
  }

  @Override
  public String describe() {
    StringBuilder text = new StringBuilder("closed model, peak ").append(peakUsers())
        .append(" users:");
    for (Stage stage : stages) {
      text.append(' ').append(share.shareOf(stage.targetUsers())).append(" over ")
          .append(dev.loadtest.spec.Quantities.formatDuration(stage.duration())).append(';');
    }
    text.setLength(text.length() - 1);
    if (!(iterations instanceof IterationLimit.Unlimited)) {
      text.append(", ").append(iterations.describe());
    }
    if (!pacing.isZero()) {
      text.append(", pacing ").append(dev.loadtest.spec.Quantities.formatDuration(pacing))
          .append(correctCoordinatedOmission ? " (coordinated omission corrected)" : "");
    }
    return text.toString();
  }
}
