package dev.loadtest.run;

import dev.loadtest.plan.OpenLoad;
import dev.loadtest.plan.ScenarioPlan;
import dev.loadtest.plan.TestPlan;
import dev.loadtest.plan.Threshold;
import dev.loadtest.stats.Interval;
import dev.loadtest.stats.IntervalPoint;
import dev.loadtest.stats.RunStats;
import dev.loadtest.stats.StatsSnapshot;
import dev.loadtest.stats.ThresholdEvaluator;
import dev.loadtest.stats.ThresholdResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.client.HttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plan against a target: checks the target, drives every scenario's users on one
 * scheduler thread and the HTTP client's callbacks, samples statistics, and stops on schedule,
 * on interruption or when an abort threshold fails. Always returns what it measured.
 */
public final class LoadRunner {

  private static final Logger LOG = LoggerFactory.getLogger(LoadRunner.class);
  /** Generator lag (p99 of an interval) beyond which the schedule is not being kept. */
  private static final double LAG_WARNING_MILLIS = 10;
  /** Consecutive late intervals before saying so: one slow interval is a hiccup, not a trend. */
  private static final int LAG_WARNING_INTERVALS = 5;
  /** Lateness at a synchronised start that is worth telling: clocks and wake-ups jitter. */
  private static final Duration LATE_START_WARNING = Duration.ofMillis(100);

  private final TestPlan plan;
  private final URI baseUri;
  private final RunOptions options;
  private final RunListener listener;

  public LoadRunner(TestPlan plan, URI baseUri, RunOptions options, RunListener listener) {
    this.plan = plan;
    this.baseUri = baseUri;
    this.options = options;
    this.listener = listener;
  }

  /**
   * Runs the plan to its end or until {@code control} stops it.
   *
   * @throws RunFailedException when the target fails its check before any load is sent
   */
  public RunResult run(RunControl control) throws RunFailedException, InterruptedException {
    HttpClient client = startClient();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "loadtest-scheduler");
      thread.setDaemon(true);
      return thread;
    });
    try {
      TargetCheck.verify(client, baseUri, plan.target(), plan.preflight());
      warmUp(client);
      return drive(client, scheduler, control);
    } finally {
      scheduler.shutdownNow();
      stopQuietly(client);
    }
  }

  private HttpClient startClient() throws RunFailedException {
    try {
      return HttpClients.start(plan.target(), plan.needs().connections());
    } catch (Exception e) {
      throw new RunFailedException("cannot start the HTTP client: " + e.getMessage(), e);
    }
  }

  private RunResult drive(HttpClient client, ScheduledExecutorService scheduler,
      RunControl control) throws InterruptedException, RunFailedException {
    boolean open = plan.scenarios().stream()
        .anyMatch(scenario -> scenario.load() instanceof OpenLoad);
    RunStats stats = new RunStats(plan.requestNames(), open, plan.scenarios().size(),
        plan.scores(), plan.customMetrics());
    RunContext run = new RunContext(stats, new RequestFactory(client, baseUri, plan.target()),
        scheduler, client.getExecutor(), plan.seed(),
        new Feeders(plan.flows().feeders(), listener::onWarning));
    RunLifecycle lifecycle = new RunLifecycle(run, plan);
    lifecycle.setup();
    AtomicInteger activeUsers = new AtomicInteger();
    ScenarioCompletion completion = new ScenarioCompletion(plan.scenarios().size(), control);
    List<ScenarioDriver> drivers = drivers(run, activeUsers, completion);
    LoadStart start = awaitStart(control);
    Instant startedAt = start.instant();
    long loadStart = start.nanoTime();
    listener.onLoadStart(startedAt);
    drivers.forEach(driver -> driver.start(loadStart));
    completion.scheduleEnds(plan.scenarios(), scheduler, loadStart);
    Sampler sampler = new Sampler(stats, loadStart, activeUsers, control);
    scheduleWarmUpEnd(scheduler, sampler, loadStart);
    java.util.concurrent.ScheduledFuture<?> sampling = scheduler.scheduleAtFixedRate(
        sampler::sample, options.sampleInterval().toNanos(), options.sampleInterval().toNanos(),
        TimeUnit.NANOSECONDS);

    // The scenarios' ends complete the run; the timeout is a backstop for queues that never
    // drain, never the rule.
    RunControl.StopReason reason = control.await(
        plan.duration().plus(options.gracefulStop()).toNanos());
    // Waiting for the stop lets users that run onStop steps hold the drain open.
    RunLifecycle.onSchedulerAndWait(run, () -> drivers.forEach(ScenarioDriver::stop));
    Duration grace = reason == RunControl.StopReason.INTERRUPTED ? options.interruptGrace()
        : options.gracefulStop();
    long abandoned = run.drainAndStopRecording(grace.toNanos());
    if (abandoned > 0) {
      listener.onWarning(abandoned + " request(s) still in flight after "
          + dev.loadtest.spec.Quantities.formatDuration(grace) + " were abandoned, not recorded");
    }
    sampling.cancel(false);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - sampler.measuredFrom());
    StatsSnapshot snapshot = sampler.finish(elapsed);
    // After the snapshot: cleanup is not part of the load's rate or latency.
    lifecycle.teardown(listener::onWarning);
    Optional<String> abort = reason == RunControl.StopReason.ABORTED
        ? Optional.of(control.abortMessage()) : Optional.empty();
    return new RunResult(snapshot, startedAt, Instant.now(),
        reason == RunControl.StopReason.INTERRUPTED, abort, abandoned);
  }

  /** When the schedule counts from: a wall-clock instant and the same moment in nanoTime. */
  private record LoadStart(Instant instant, long nanoTime) {}

  /**
   * Waits for the synchronised start, if there is one. A worker that arrives after it starts at
   * once, with its schedule still counted from the start instant: what was due in the past goes
   * out immediately, and its lag and latency (counted from the intended start) show the delay.
   */
  private LoadStart awaitStart(RunControl control) throws InterruptedException {
    if (options.startAt().isEmpty()) {
      return new LoadStart(Instant.now(), System.nanoTime());
    }
    Instant at = options.startAt().get();
    long waitNanos = Duration.between(Instant.now(), at).toNanos();
    if (waitNanos > 0) {
      control.awaitStopWithin(waitNanos);
    }
    long nowNanos = System.nanoTime();
    Duration late = Duration.between(at, Instant.now());
    if (late.compareTo(LATE_START_WARNING) > 0) {
      listener.onWarning("started " + dev.loadtest.spec.Quantities.formatDuration(late)
          + " after --start-at " + at + ": the schedule still counts from " + at + ", so"
          + " arrivals and users already due start at once and their lag shows that delay");
    }
    return new LoadStart(at, nowNanos - late.toNanos());
  }

  private void scheduleWarmUpEnd(ScheduledExecutorService scheduler, Sampler sampler,
      long loadStart) {
    if (!options.warmUp().isZero()) {
      scheduler.schedule(sampler::endWarmUp, options.warmUp().toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private List<ScenarioDriver> drivers(RunContext run, AtomicInteger activeUsers,
      ScenarioCompletion completion) {
    AtomicLong userIds = new AtomicLong();
    List<ScenarioDriver> drivers = new ArrayList<>();
    for (ScenarioPlan scenario : plan.scenarios()) {
      drivers.add(scenario.load() instanceof OpenLoad
          ? new ArrivalDriver(run, scenario, plan.segment(), activeUsers,
              () -> completion.done(scenario.index()))
          : new UserController(run, scenario, plan.segment(), activeUsers, userIds,
              () -> completion.done(scenario.index())));
    }
    return drivers;
  }

  /**
   * Builds (without sending) one request of every kind the plan sends, so that class loading
   * and template code paths are done before the first intended start, not during it.
   */
  private void warmUp(HttpClient client) {
    RequestFactory factory = new RequestFactory(client, baseUri, plan.target());
    for (ScenarioPlan scenario : plan.scenarios()) {
      UserContext user = new UserContext(scenario, plan.seed(), 0);
      for (dev.loadtest.plan.TaskPlan task : scenario.tasks().items()) {
        for (dev.loadtest.plan.Step step : task.steps()) {
          if (step instanceof dev.loadtest.plan.RequestPlan request) {
            factory.create(request, scenario, user);
          }
        }
      }
    }
  }

  private static void stopQuietly(HttpClient client) {
    try {
      client.stop();
    } catch (Exception e) {
      LOG.debug("HTTP client did not stop cleanly", e);
    }
  }

  /**
   * Closes statistics intervals, reports progress, and checks abort thresholds. Runs on the
   * scheduler thread, except {@link #finish}, which runs after the scheduler has stopped
   * sampling; both go through the synchronised {@link RunStats} methods.
   */
  private final class Sampler {
    private final RunStats stats;
    private final long loadStart;
    private final AtomicInteger activeUsers;
    private final RunControl control;
    private final List<Threshold> abortThresholds;
    private final int intervalsPerProgress;
    private final List<IntervalPoint> window = new ArrayList<>();
    private long requests;
    private long failures;
    private volatile long measuredFrom;
    private int lateIntervals;

    Sampler(RunStats stats, long loadStart, AtomicInteger activeUsers, RunControl control) {
      this.stats = stats;
      this.loadStart = loadStart;
      this.activeUsers = activeUsers;
      this.control = control;
      this.measuredFrom = loadStart;
      this.abortThresholds = plan.thresholds().stream().filter(Threshold::abortOnFail).toList();
      this.intervalsPerProgress = (int) Math.max(1,
          options.progressInterval().toNanos() / options.sampleInterval().toNanos());
    }

    /** When the measurements the report shows began: the load's start, or the warm-up's end. */
    long measuredFrom() {
      return measuredFrom;
    }

    /** Closes the warm-up: its numbers are set apart and measuring starts afresh. */
    synchronized void endWarmUp() {
      long now = System.nanoTime();
      listener.onInterval(stats.sampleInterval(now - loadStart, activeUsers.get()));
      StatsSnapshot warmUp = stats.discardWarmUp(Duration.ofNanos(now - loadStart));
      measuredFrom = now;
      requests = 0;
      failures = 0;
      listener.onWarning("warm-up over after "
          + dev.loadtest.spec.Quantities.formatDuration(options.warmUp()) + ": its "
          + warmUp.total().requests() + " requests are left out of the results");
    }

    /** Synchronised with {@link #finish} so that listeners hear intervals in order. */
    synchronized void sample() {
      try {
        long elapsed = System.nanoTime() - loadStart;
        Interval interval = stats.sampleInterval(elapsed, activeUsers.get());
        listener.onInterval(interval);
        accumulate(interval.point());
        watchLag(interval.point());
        checkAbortThresholds(elapsed);
      } catch (RuntimeException e) {
        // A failing sampler must not silently stop all sampling; log and keep going.
        LOG.warn("sampling failed", e);
      }
    }

    /**
     * Warns once when intended starts have been sent late for several intervals in a row: the
     * generator, not the target, is then shaping the timing, and latencies include its delay.
     */
    private void watchLag(IntervalPoint point) {
      lateIntervals = point.lagP99Millis() > LAG_WARNING_MILLIS ? lateIntervals + 1 : 0;
      if (lateIntervals == LAG_WARNING_INTERVALS) {
        listener.onWarning(String.format(java.util.Locale.ROOT, "the generator is behind its"
            + " schedule: intended starts went out %.1f ms late (p99) for %d intervals in a"
            + " row; it is short of CPU or threads, and latencies include that delay",
            point.lagP99Millis(), LAG_WARNING_INTERVALS));
      }
    }

    private void accumulate(IntervalPoint point) {
      window.add(point);
      requests += point.requests();
      failures += point.failures();
      if (window.size() < intervalsPerProgress) {
        return;
      }
      long windowRequests = window.stream().mapToLong(IntervalPoint::requests).sum();
      double rate = window.stream().mapToDouble(IntervalPoint::requestsPerSecond).average()
          .orElse(0);
      // The window's p95 is approximated by the largest interval p95: conservative, cheap.
      double p95 = window.stream().filter(p -> p.requests() > 0)
          .mapToDouble(IntervalPoint::p95Millis).max().orElse(0);
      listener.onProgress(new ProgressReport(point.elapsedMillis(),
          plan.duration().toMillis(), point.activeUsers(), windowRequests == 0 ? 0 : rate, p95,
          requests, failures));
      window.clear();
    }

    private void checkAbortThresholds(long elapsedNanos) {
      if (abortThresholds.isEmpty()) {
        return;
      }
      StatsSnapshot snapshot = stats.snapshot(Duration.ofNanos(System.nanoTime() - measuredFrom));
      for (Threshold threshold : abortThresholds) {
        if (elapsedNanos < threshold.abortAfter().toNanos()
            || snapshot.total().requests() == 0) {
          continue;
        }
        ThresholdResult result = ThresholdEvaluator.evaluate(threshold, snapshot);
        if (!result.passed()) {
          control.abort("threshold " + threshold.name() + " failed with "
              + threshold.formatObserved(result.observed()));
          return;
        }
      }
    }

    synchronized StatsSnapshot finish(Duration elapsed) {
      listener.onInterval(stats.sampleInterval(elapsed.toNanos(), 0));
      return stats.snapshot(elapsed);
    }
  }

  @Override
  public String toString() {
    return "LoadRunner[" + plan.name() + " -> " + baseUri + "]";
  }
}
