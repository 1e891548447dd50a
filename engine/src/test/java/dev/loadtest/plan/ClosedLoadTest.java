package dev.loadtest.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The closed-model schedule as a pure sequence: every change instant and the users after it. */
class ClosedLoadTest {

  private static final long SECOND = 1_000_000_000L;
  private static final long MILLI = 1_000_000L;

  /** One step of the schedule: at {@code nanos}, the number of active users becomes this. */
  record Change(long nanos, int users) {
    @Override
    public String toString() {
      return nanos + "ns->" + users;
    }
  }

  /** Walks nextChangeNanos from before the start until it reports no more change. */
  static List<Change> walk(ClosedLoad load) {
    List<Change> changes = new ArrayList<>();
    long previous = -1;
    for (long at = load.nextChangeNanos(-1); at != Long.MAX_VALUE; at = load.nextChangeNanos(at)) {
      assertThat(at).as("change after %d ns in %s", previous, load).isGreaterThan(previous);
      assertThat(changes).as("the walk must end; %s", load).hasSizeLessThan(10_000);
      changes.add(new Change(at, load.usersAt(at)));
      previous = at;
    }
    return changes;
  }

  static Change at(long nanos, int users) {
    return new Change(nanos, users);
  }

  static ClosedLoad profile(int users, long rampUpMillis, long holdMillis, long rampDownMillis) {
    return ClosedLoad.rampHoldRampDown(users, Duration.ofMillis(rampUpMillis),
        Duration.ofMillis(holdMillis), Duration.ofMillis(rampDownMillis));
  }

  @Test
  void rampHoldRampDownStartsOneUserPerSecondAndStopsTwoPerSecond() {
    ClosedLoad load = profile(10, 10_000, 5_000, 5_000);

    List<Change> expected = new ArrayList<>();
    // Ramp-up: user 1 at once, then one more every second until 10 at 9 s.
    for (int second = 0; second < 10; second++) {
      expected.add(at(second * SECOND, second + 1));
    }
    // Hold from 10 s to 15 s: no change. Ramp-down: 10 users over 5 s, one stop every 500 ms,
    // the last exactly at the end (20 s).
    for (int stop = 1; stop <= 10; stop++) {
      expected.add(at(15 * SECOND + stop * 500 * MILLI, 10 - stop));
    }
    assertThat(walk(load)).containsExactlyElementsOf(expected);
  }

  @Test
  void zeroLengthRampStartsEveryoneAtZero() {
    ClosedLoad load = profile(4, 0, 5_000, 2_000);

    assertThat(walk(load)).containsExactly(
        // All four at once.
        at(0, 4),
        // Then one stop every 500 ms of the 2 s ramp-down, from 5 s on.
        at(5_500 * MILLI, 3), at(6_000 * MILLI, 2), at(6_500 * MILLI, 1), at(7_000 * MILLI, 0));
  }

  @Test
  void zeroLengthRampDownStopsEveryoneAtTheEndOfHold() {
    ClosedLoad load = profile(2, 2_000, 3_000, 0);

    assertThat(walk(load)).containsExactly(at(0, 1), at(SECOND, 2), at(5 * SECOND, 0));
    assertThat(load.usersAt(5 * SECOND - 1)).isEqualTo(2);
  }

  @Test
  void startsThatDoNotDivideTheRampRoundUp() {
    // 3 users over 1 s: starts at 0, ceil(1e9 / 3) and ceil(2e9 / 3); the profile then ends.
    ClosedLoad load = new ClosedLoad(List.of(new ClosedLoad.Stage(Duration.ofSeconds(1), 3)));

    assertThat(walk(load)).containsExactly(
        at(0, 1), at(333_333_334, 2), at(666_666_667, 3), at(SECOND, 0));
    assertThat(load.usersAt(333_333_333)).isEqualTo(1);
    assertThat(load.usersAt(666_666_666)).isEqualTo(2);
  }

  @Test
  void stopsThatDoNotDivideTheRampDownRoundUpAndTheLastLandsOnTheEnd() {
    ClosedLoad load = profile(3, 0, 0, 1_000);

    assertThat(walk(load)).containsExactly(
        at(0, 3), at(333_333_334, 2), at(666_666_667, 1), at(SECOND, 0));
  }

  static Stream<Arguments> profiles() {
    return Stream.of(
        // The classic shape.
        Arguments.of(profile(10, 10_000, 5_000, 5_000)),
        // Ramps of a few milliseconds, so starts and stops fall on odd nanoseconds.
        Arguments.of(profile(7, 3, 1, 5)),
        // A prime number of users over a ramp that does not divide.
        Arguments.of(profile(13, 1_000, 1_000, 1_000)),
        // No ramps at all.
        Arguments.of(profile(5, 0, 1_000, 0)),
        // No users: nothing ever changes.
        Arguments.of(profile(0, 1_000, 1_000, 1_000)),
        // Several stages: up, partly down, up again, down.
        Arguments.of(new ClosedLoad(List.of(
            new ClosedLoad.Stage(Duration.ofSeconds(2), 6),
            new ClosedLoad.Stage(Duration.ofSeconds(3), 3),
            new ClosedLoad.Stage(Duration.ofMillis(1_500), 9),
            new ClosedLoad.Stage(Duration.ofSeconds(1), 0)))));
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void usersChangeOnlyAtReportedInstantsAndEndAtZero(ClosedLoad load) {
    List<Change> changes = walk(load);

    // Between two reported instants the count holds still.
    long from = 0;
    int users = load.usersAt(0);
    for (Change change : changes) {
      for (long probe : new long[] {from, (from + change.nanos()) / 2, change.nanos() - 1}) {
        if (probe >= from && probe < change.nanos()) {
          assertThat(load.usersAt(probe)).as("users at %d ns in %s", probe, load)
              .isEqualTo(users);
        }
      }
      from = change.nanos();
      users = change.users();
    }
    assertThat(load.usersAt(load.duration().toNanos())).isZero();
    assertThat(load.usersAt(Long.MAX_VALUE / 2)).isZero();
    assertThat(load.nextChangeNanos(load.duration().toNanos())).isEqualTo(Long.MAX_VALUE);
    assertThat(changes).extracting(Change::users).allMatch(n -> n <= load.peakUsers());
  }

  @Test
  void peakUsersAndDurationAddUpTheStages() {
    ClosedLoad load = new ClosedLoad(List.of(
        new ClosedLoad.Stage(Duration.ofSeconds(2), 6),
        new ClosedLoad.Stage(Duration.ofSeconds(3), 9),
        new ClosedLoad.Stage(Duration.ofMillis(1_500), 4),
        new ClosedLoad.Stage(Duration.ofSeconds(1), 0)));

    assertThat(load.peakUsers()).isEqualTo(9);
    assertThat(load.duration()).isEqualTo(Duration.ofMillis(7_500));
    assertThat(profile(20, 2_000, 45_000, 5_000).duration()).isEqualTo(Duration.ofSeconds(52));
    assertThat(new ClosedLoad(List.of()).peakUsers()).isZero();
  }

  @Test
  void describesItsStages() {
    assertThat(profile(20, 2_000, 45_000, 5_000).describe())
        .isEqualTo("closed model, peak 20 users: 20 over 2s; 20 over 45s; 0 over 5s");
  }

  @Test
  void rejectsNegativeStages() {
    assertThatThrownBy(() -> new ClosedLoad.Stage(Duration.ofSeconds(-1), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClosedLoad.Stage(Duration.ofSeconds(1), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
