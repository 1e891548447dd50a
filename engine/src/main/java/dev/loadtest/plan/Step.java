package dev.loadtest.plan;

/** One step of a task. Requests today; pauses, extractions and polls extend it. */
public sealed interface Step permits RequestPlan {

  String describe();
}
