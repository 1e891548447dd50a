package dev.loadtest.plan;

import java.time.Duration;

/**
 * Sends a request again and again, {@code interval} apart, until its response satisfies
 * {@code until}, as a client waits for an agent job. Every poll is recorded under the request's
 * name; the last one fails with kind timeout when {@code timeout} has passed without the
 * condition holding. Extractions of the request run on the response that ended the poll.
 *
 * @param request what each poll sends
 * @param until when the poll is over
 * @param interval pause between the end of one poll and the next send
 * @param timeout limit from the first send; a poll that would start after it is not sent
 */
public record PollStep(RequestPlan request, Condition.JsonPathIn until, Duration interval,
    Duration timeout) implements Step {

  @Override
  public String describe() {
    return "poll " + request.describe() + " every "
        + dev.loadtest.spec.Quantities.formatDuration(interval) + " until " + until.describe()
        + " (timeout " + dev.loadtest.spec.Quantities.formatDuration(timeout) + ")";
  }
}
