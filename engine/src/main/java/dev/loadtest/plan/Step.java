package dev.loadtest.plan;

/**
 * One step of a task: a request (which may extract values), a pause, a poll, a repeat or a
 * conditional. Implementations are immutable records.
 */
public sealed interface Step
    permits RequestPlan, ThinkStep, PollStep, RepeatStep, ConditionalStep {

  String describe();
}
