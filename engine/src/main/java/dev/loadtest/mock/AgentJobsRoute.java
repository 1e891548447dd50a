package dev.loadtest.mock;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A multi-agent job API under {@value #PREFIX}, for flows to start, poll and collect:
 * <ul>
 *   <li>{@code POST /v1/agents/jobs}: after the usual drawn delay (and failures), starts job
 *       {@code job-N} and answers {@code {"id":"job-N","status":"queued"}};
 *   <li>{@code GET /v1/agents/jobs/{id}}: at once, its status, {@code queued}, {@code running}
 *       then {@code done} as time passes;
 *   <li>{@code GET /v1/agents/jobs/{id}/result}: at once, the result, or 409 before it is done.
 * </ul>
 * An unknown id answers 404, so a flow whose extraction broke fails visibly.
 *
 * <p>Job {@code N} waits in the queue for {@code 100..300 ms} and runs for {@code 300..900
 * ms}, drawn from the seed and N only: the same on every run with the same seed.
 *
 * <p>Thread-safe: jobs live in a concurrent map. Limitation: jobs are kept for
 * {@value #KEEP_MINUTES} minutes, then forgotten (their ids answer 404).
 */
final class AgentJobsRoute implements MockRoute {

  static final String PREFIX = "/v1/agents/jobs";
  static final long KEEP_MINUTES = 10;
  private static final long KEEP_NANOS = KEEP_MINUTES * 60_000_000_000L;
  private static final byte[] NOT_FOUND = ascii("{\"error\":\"no such job\"}");
  private static final byte[] NOT_DONE = ascii("{\"error\":\"job is not done\"}");
  private static final byte[] NOT_ALLOWED = ascii("{\"error\":\"method not allowed\"}");

  private final OutcomeSequence outcomes;
  private final Scheduler scheduler;
  private final long seed;
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong created = new AtomicLong();
  private final ConcurrentHashMap<String, Long> createdNanosById = new ConcurrentHashMap<>();

  AgentJobsRoute(OutcomeSequence outcomes, Scheduler scheduler, long seed) {
    this.outcomes = outcomes;
    this.scheduler = scheduler;
    this.seed = seed;
  }

  @Override
  public void handle(Request request, Response response, Callback callback) {
    String rest = MockRouter.pathOf(request).substring(PREFIX.length());
    String method = request.getMethod();
    if (rest.isEmpty() || rest.equals("/")) {
      if (!method.equals("POST")) {
        JsonResponses.send(response, callback, 405, NOT_ALLOWED);
        return;
      }
      DelayedAnswer.answer(request, response, callback, scheduler,
          outcomes.draw(sequence.getAndIncrement()), this::start);
      return;
    }
    boolean result = rest.endsWith("/result");
    String id = rest.substring(1, result ? rest.length() - "/result".length() : rest.length());
    Long createdNanos = createdNanosById.get(id);
    if (createdNanos == null) {
      JsonResponses.send(response, callback, 404, NOT_FOUND);
    } else if (!method.equals("GET")) {
      JsonResponses.send(response, callback, 405, NOT_ALLOWED);
    } else {
      String status = status(id, System.nanoTime() - createdNanos);
      if (result && !status.equals("done")) {
        JsonResponses.send(response, callback, 409, NOT_DONE);
      } else {
        JsonResponses.send(response, callback, 200, result ? result(id) : statusBody(id, status));
      }
    }
  }

  private DelayedAnswer.Answer start() {
    long number = created.incrementAndGet();
    String id = "job-" + number;
    long now = System.nanoTime();
    createdNanosById.put(id, now);
    if (number % 1024 == 0) {
      createdNanosById.values().removeIf(createdNanos -> now - createdNanos > KEEP_NANOS);
    }
    return new DelayedAnswer.Answer(200, statusBody(id, "queued"));
  }

  /** Where job {@code id} is, {@code ageNanos} after it started. */
  private String status(String id, long ageNanos) {
    SplittableRandom random = new SplittableRandom(seed * 31 + id.hashCode());
    long queuedNanos = 100_000_000L + random.nextLong(200_000_000L);
    long runningNanos = 300_000_000L + random.nextLong(600_000_000L);
    if (ageNanos < queuedNanos) {
      return "queued";
    }
    return ageNanos < queuedNanos + runningNanos ? "running" : "done";
  }

  private static byte[] statusBody(String id, String status) {
    return ascii("{\"id\":\"" + id + "\",\"status\":\"" + status + "\"}");
  }

  private static byte[] result(String id) {
    return ("{\"id\":\"" + id + "\",\"status\":\"done\",\"result\":{\"summary\":\"agents"
        + " agreed\",\"agents\":[\"planner\",\"researcher\",\"writer\"],\"steps\":3}}")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return "AgentJobsRoute{" + PREFIX + ", jobs " + createdNanosById.size() + "}";
  }
}
