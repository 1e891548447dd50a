package dev.loadtest.plan;

/**
 * A pause inside a flow, such as a user reading an answer before the next question. Waits on
 * the scheduler, never on a thread.
 *
 * @param pause how long, drawn per pass from the user's random source
 */
public record ThinkStep(ThinkTime pause) implements Step {

  @Override
  public String describe() {
    return "think " + pause.describe();
  }
}
