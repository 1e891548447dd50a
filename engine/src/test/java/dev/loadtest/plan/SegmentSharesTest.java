package dev.loadtest.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cutting a plan into N workers' segments: whatever N (primes, N that divides nothing, N larger
 * than the numbers), the shares are disjoint and add up exactly to the whole.
 */
class SegmentSharesTest {

  /** Worker counts: one, small primes, powers of two, a large prime, more than most totals. */
  private static final int[] WORKER_COUNTS = {1, 2, 3, 4, 5, 7, 8, 13, 16, 31, 64, 97, 1009};
  /** Totals: nothing, one, primes, round numbers, a count below and above most N. */
  private static final int[] TOTALS = {0, 1, 2, 3, 7, 10, 11, 97, 100, 101, 1000, 4999, 65537};

  @Test
  void sharesOfAnyTotalAddUpToIt() {
    for (int count : WORKER_COUNTS) {
      for (int total : TOTALS) {
        long sum = 0;
        for (int index = 1; index <= count; index++) {
          long share = new Segment(index, count).shareOf((long) total);
          // Shares differ by at most one: nobody gets twice the load of another.
          assertThat(share).as("%d/%d of %d", index, count, total)
              .isBetween((long) total / count, (long) total / count + 1);
          sum += share;
        }
        assertThat(sum).as("%d workers, total %d", count, total).isEqualTo(total);
      }
    }
  }

  @Test
  void eachItemHasExactlyOneOwnerAndShareCountsOwnedItems() {
    for (int count : new int[] {1, 3, 7, 10}) {
      for (int total : new int[] {0, 5, 23, 100}) {
        for (int index = 1; index <= count; index++) {
          Segment segment = new Segment(index, count);
          long owned = IntStream.range(0, total).filter(segment::owns).count();
          assertThat(segment.shareOf((long) total)).isEqualTo(owned);
        }
        for (int k = 0; k < total; k++) {
          int item = k;
          assertThat(IntStream.rangeClosed(1, count)
              .filter(index -> new Segment(index, count).owns(item)).count()).isEqualTo(1);
        }
      }
    }
  }

  @Test
  void closedUsersOfEveryStageAndIterationsAddUp() {
    for (int count : WORKER_COUNTS) {
      for (int users : TOTALS) {
        for (long iterations : new long[] {0, 1, 3, 17, 1000, 10_007}) {
          ClosedLoad whole = new ClosedLoad(List.of(
              new ClosedLoad.Stage(Duration.ofSeconds(10), users),
              new ClosedLoad.Stage(Duration.ofSeconds(20), users / 3),
              new ClosedLoad.Stage(Duration.ofSeconds(5), 0)),
              new IterationLimit.Shared(iterations), Duration.ZERO, false);
          assertClosedSharesAddUp(whole, count, users, iterations);
        }
      }
    }
  }

  private static void assertClosedSharesAddUp(ClosedLoad whole, int count, int users,
      long iterations) {
    // Just before and at each stage's end: a growing stage reaches its target before its end,
    // a shrinking one at it.
    long[] stageEnds = new long[2 * whole.stages().size()];
    long end = 0;
    for (int s = 0; s < whole.stages().size(); s++) {
      end += whole.stages().get(s).duration().toNanos();
      stageEnds[2 * s] = end - 1;
      stageEnds[2 * s + 1] = end;
    }
    int[] stageSums = new int[stageEnds.length];
    int peakSum = 0;
    long iterationSum = 0;
    for (int index = 1; index <= count; index++) {
      ClosedLoad part = PlanSegments.slice(whole, new Segment(index, count));
      for (int s = 0; s < stageSums.length; s++) {
        stageSums[s] += part.usersAt(stageEnds[s]);
      }
      peakSum += part.peakUsers();
      long own = ((IterationLimit.Shared) part.iterations()).iterations();
      // Iterations only go where users are: a worker without users would never run them.
      assertThat(own == 0 || part.peakUsers() > 0).as("worker %d/%d", index, count).isTrue();
      iterationSum += own;
    }
    for (int s = 0; s < stageSums.length; s++) {
      assertThat(stageSums[s]).isEqualTo(whole.usersAt(stageEnds[s]));
    }
    assertThat(stageSums[0]).isEqualTo(users);
    assertThat(peakSum).isEqualTo(whole.peakUsers());
    assertThat(iterationSum).as("%d users, %d workers", users, count)
        .isEqualTo(users == 0 ? 0 : iterations);
  }

  @Test
  void workersStartAndStopEachOfTheirUsersAtTheInstantTheWholePlanWould() {
    for (int users : new int[] {1, 7, 10, 101, 1000}) {
      ClosedLoad whole = new ClosedLoad(List.of(
          new ClosedLoad.Stage(Duration.ofSeconds(10), users),
          new ClosedLoad.Stage(Duration.ofSeconds(3), users),
          new ClosedLoad.Stage(Duration.ofMillis(2500), users / 3),
          new ClosedLoad.Stage(Duration.ZERO, users / 2),
          new ClosedLoad.Stage(Duration.ofSeconds(7), 0)));
      List<Long> wholeChanges = changes(whole);
      for (int count : new int[] {1, 2, 3, 7, 13, 97}) {
        TreeSet<Long> partChanges = new TreeSet<>();
        List<ClosedLoad> parts = IntStream.rangeClosed(1, count)
            .mapToObj(index -> PlanSegments.slice(whole, new Segment(index, count))).toList();
        for (ClosedLoad part : parts) {
          partChanges.addAll(changes(part));
        }
        // No worker changes its users at an instant the whole does not, and at every instant
        // the whole changes, the workers' users add up to the whole's.
        assertThat(partChanges).as("%d users, %d workers", users, count)
            .isSubsetOf(wholeChanges);
        for (long at : wholeChanges) {
          for (long instant : new long[] {at - 1, at}) {
            assertThat(parts.stream().mapToInt(part -> part.usersAt(instant)).sum())
                .as("%d users, %d workers, at %d ns", users, count, instant)
                .isEqualTo(whole.usersAt(instant));
          }
        }
      }
    }
  }

  /** Every instant at which the load's number of users changes. */
  private static List<Long> changes(ClosedLoad load) {
    List<Long> changes = new ArrayList<>();
    for (long at = load.nextChangeNanos(-1); at != Long.MAX_VALUE;
        at = load.nextChangeNanos(at)) {
      changes.add(at);
    }
    return changes;
  }

  @Test
  void perUserIterationsStayPerUser() {
    ClosedLoad whole = new ClosedLoad(List.of(new ClosedLoad.Stage(Duration.ofSeconds(1), 10)),
        new IterationLimit.PerUser(5), Duration.ZERO, false);

    ClosedLoad part = PlanSegments.slice(whole, new Segment(2, 3));

    // Users 1, 4, 7 of 0..9: three users, five iterations each, as in the whole.
    assertThat(part.peakUsers()).isEqualTo(3);
    assertThat(part.iterations()).isEqualTo(new IterationLimit.PerUser(5));
  }

  /** Rate profiles: ramps up and down, a constant rate, a fractional one, a prime one. */
  static Stream<Arguments> rateProfiles() {
    List<OpenLoad> loads = List.of(
        new OpenLoad(3, List.of(new OpenLoad.RateStage(Duration.ofSeconds(7), 41),
            new OpenLoad.RateStage(Duration.ofSeconds(3), 41)), false, 50,
            OpenLoad.Saturation.DROP),
        new OpenLoad(0, List.of(new OpenLoad.RateStage(Duration.ofSeconds(2), 97),
            new OpenLoad.RateStage(Duration.ofSeconds(1), 5),
            new OpenLoad.RateStage(Duration.ofMillis(1500), 0)), false, 50,
            OpenLoad.Saturation.DROP),
        OpenLoad.constant(0.7, Duration.ofSeconds(13), false, 5, OpenLoad.Saturation.QUEUE),
        OpenLoad.constant(1009, Duration.ofSeconds(1), false, 5, OpenLoad.Saturation.QUEUE));
    return loads.stream().flatMap(load -> Stream.of(false, true).map(poisson -> Arguments.of(
        new OpenLoad(load.initialRate(), load.stages(), poisson, load.maxConcurrency(),
            load.whenSaturated()))));
  }

  @ParameterizedTest
  @MethodSource("rateProfiles")
  void workersArrivalsTogetherAreExactlyTheWholeSchedule(OpenLoad load) {
    TreeMap<Long, Long> whole = arrivals(load, Segment.WHOLE);
    assertThat(whole).isNotEmpty();
    for (int count : new int[] {1, 2, 3, 7, 13, 97, 1009}) {
      TreeMap<Long, Long> union = new TreeMap<>();
      for (int index = 1; index <= count; index++) {
        TreeMap<Long, Long> own = arrivals(load, new Segment(index, count));
        assertThat((long) own.size()).isEqualTo(new Segment(index, count)
            .shareOf((long) whole.size()));
        own.forEach((number, at) -> assertThat(union.put(number, at)).as("arrival %d twice",
            number).isNull());
      }
      // The same arrivals, numbered the same, at the same intended nanosecond.
      assertThat(union).as("%d workers", count).isEqualTo(whole);
    }
  }

  /** The arrivals of a segment, by their number in the whole: intended start in nanos. */
  private static TreeMap<Long, Long> arrivals(OpenLoad load, Segment segment) {
    ArrivalSchedule schedule = new ArrivalSchedule(load, 99, segment);
    TreeMap<Long, Long> arrivals = new TreeMap<>();
    for (long at = schedule.next(); at != Long.MAX_VALUE; at = schedule.next()) {
      arrivals.put(schedule.lastIndex(), at);
    }
    return arrivals;
  }

  @Test
  void concurrencyCapsAddUpWhenThereAreAtLeastAsManyAsWorkers() {
    OpenLoad load = OpenLoad.constant(10, Duration.ofSeconds(1), false, 101,
        OpenLoad.Saturation.QUEUE);
    for (int count : new int[] {1, 2, 3, 7, 13, 101}) {
      int sum = IntStream.rangeClosed(1, count)
          .map(index -> PlanSegments.slice(load, new Segment(index, count)).maxConcurrency())
          .sum();
      assertThat(sum).isEqualTo(101);
    }
  }

  @Test
  void sequentialAndPerUserRowsArePartitionedRandomRowsAreShared() {
    for (FeederPlan.Strategy strategy : FeederPlan.Strategy.values()) {
      for (int rows : new int[] {0, 1, 5, 12, 101}) {
        FeederPlan whole = feeder(strategy, FeederPlan.Exhaustion.STOP, rows);
        for (int count : WORKER_COUNTS) {
          List<List<String>> union = new ArrayList<>();
          for (int index = 1; index <= count; index++) {
            union.addAll(PlanSegments.slice(whole, new Segment(index, count)).rows());
          }
          if (strategy == FeederPlan.Strategy.RANDOM) {
            assertThat(union).hasSize(rows * count);
          } else {
            assertThat(union).containsExactlyInAnyOrderElementsOf(whole.rows());
          }
        }
      }
    }
  }

  @Test
  void recycledRowsLeaveNoWorkerWithoutARow() {
    FeederPlan whole = feeder(FeederPlan.Strategy.SEQUENTIAL, FeederPlan.Exhaustion.RECYCLE, 3);
    Set<List<String>> used = new HashSet<>();
    for (int index = 1; index <= 5; index++) {
      List<List<String>> own = PlanSegments.slice(whole, new Segment(index, 5)).rows();
      assertThat(own).hasSize(1);
      used.addAll(own);
    }
    assertThat(used).containsExactlyInAnyOrderElementsOf(whole.rows());
  }

  private static FeederPlan feeder(FeederPlan.Strategy strategy,
      FeederPlan.Exhaustion exhaustion, int rows) {
    List<List<String>> values = IntStream.range(0, rows)
        .mapToObj(row -> List.of("user" + row, "key" + row)).toList();
    return new FeederPlan("accounts", "accounts.csv", List.of("name", "key"), values, strategy,
        exhaustion, Set.of("key"));
  }

  @Test
  void aWholePlanIsItsOwnOnlySegment() throws Exception {
    TestPlan plan = PlanFixtures.compile("""
        name: t
        target: {baseUrl: mock}
        load: {users: 10, hold: 1s}
        scenarios:
          - {name: a, weight: 2, tasks: [{name: get, request: {path: /}}]}
          - {name: b, tasks: [{name: get, request: {path: /}}]}
        """);
    assertThat(plan.forSegment(Segment.WHOLE)).isSameAs(plan);

    int[] sums = new int[2];
    for (int index = 1; index <= 3; index++) {
      TestPlan part = plan.forSegment(new Segment(index, 3));
      assertThat(part.specSha256()).isEqualTo(plan.specSha256());
      assertThat(part.describe()).contains("segment " + index + "/3");
      for (int s = 0; s < 2; s++) {
        sums[s] += part.scenarios().get(s).load().peakUsers();
      }
    }
    assertThat(sums).containsExactly(plan.scenarios().get(0).load().peakUsers(),
        plan.scenarios().get(1).load().peakUsers());
  }

  @Test
  void segmentsAreReadAsIOfNAndCheckedWithAnExample() {
    assertThat(Segment.parse("2/5")).isEqualTo(new Segment(2, 5));
    assertThat(Segment.parse(" 1 / 1 ")).isEqualTo(Segment.WHOLE);
    assertThatThrownBy(() -> Segment.parse("0/3")).hasMessageContaining("1 <= I <= N");
    assertThatThrownBy(() -> Segment.parse("4/3")).hasMessageContaining("not 4/3");
    assertThatThrownBy(() -> Segment.parse("2")).hasMessageContaining("e.g. 2/5");
    assertThatThrownBy(() -> Segment.parse("a/b")).hasMessageContaining("whole numbers");
  }
}
