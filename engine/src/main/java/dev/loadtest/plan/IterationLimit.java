package dev.loadtest.plan;

/** How many iterations (task runs) closed-model users make before they stop. */
public sealed interface IterationLimit {

  String describe();

  /** Users iterate until their stage ends them. */
  record Unlimited() implements IterationLimit {
    @Override
    public String describe() {
      return "unlimited iterations";
    }
  }

  /** Each user runs this many iterations, then stops (k6's per-vu-iterations). */
  record PerUser(long iterations) implements IterationLimit {
    @Override
    public String describe() {
      return iterations + " iterations per user";
    }
  }

  /**
   * All users of the scenario share this many iterations; the scenario ends when they are done
   * (k6's shared-iterations).
   */
  record Shared(long iterations) implements IterationLimit {
    @Override
    public String describe() {
      return iterations + " iterations shared by all users";
    }
  }
}
