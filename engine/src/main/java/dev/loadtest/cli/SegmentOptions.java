package dev.loadtest.cli;

import dev.loadtest.plan.Segment;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code run}'s options for running one worker's share of a plan that several workers run
 * together: which segment, and the instant they all start their schedules at.
 */
final class SegmentOptions {

  /** Set by Kubernetes in the pods of an Indexed Job: the pod's index, from 0. */
  static final String COMPLETION_INDEX_VARIABLE = "JOB_COMPLETION_INDEX";
  static final String SEGMENT_VARIABLE = "LOADTEST_SEGMENT";
  static final String START_AT_VARIABLE = "LOADTEST_START_AT";

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--segment", paramLabel = "I/N",
      description = "Run worker I's share of N (1-based): users, arrivals, shared iterations"
          + " and feeder rows k with k mod N = I-1; merge the N results with 'loadtest merge'."
          + " Default: the LOADTEST_SEGMENT environment variable, if set.")
  String segment;

  @Option(names = "--segments", paramLabel = "N",
      description = "Run one of N shares, the one numbered by JOB_COMPLETION_INDEX (from 0,"
          + " as a Kubernetes Indexed Job sets it): index 0 runs --segment 1/N.")
  Integer segments;

  @Option(names = "--start-at", paramLabel = "TIME",
      description = "Wait until TIME (ISO-8601 instant such as 2026-12-03T20:00:00Z, or epoch"
          + " milliseconds) and count the schedule from it, so that workers start together."
          + " Default: the LOADTEST_START_AT environment variable, if set.")
  String startAt;

  /** The share to run, from the options or the environment; the whole plan by default. */
  Segment segment(Map<String, String> environment) {
    if (segment != null && segments != null) {
      throw usage("--segment and --segments exclude each other: give one of them");
    }
    if (segments != null) {
      return fromCompletionIndex(environment);
    }
    String text = segment != null ? segment : environment.getOrDefault(SEGMENT_VARIABLE, "");
    if (text.isBlank()) {
      return Segment.WHOLE;
    }
    try {
      return Segment.parse(text);
    } catch (IllegalArgumentException e) {
      throw usage((segment != null ? "--segment" : SEGMENT_VARIABLE) + ": " + e.getMessage());
    }
  }

  private Segment fromCompletionIndex(Map<String, String> environment) {
    String index = environment.getOrDefault(COMPLETION_INDEX_VARIABLE, "");
    if (index.isBlank()) {
      throw usage("--segments " + segments + " takes the worker's index from "
          + COMPLETION_INDEX_VARIABLE + ", which is not set: outside an Indexed Job use"
          + " --segment I/" + segments);
    }
    try {
      return new Segment(Integer.parseInt(index.strip()) + 1, segments);
    } catch (IllegalArgumentException e) {
      throw usage("--segments " + segments + " with " + COMPLETION_INDEX_VARIABLE + "="
          + index + ": expected an index from 0 to " + (segments - 1));
    }
  }

  /**
   * The synchronised start, if one is given. A start so far in the past that the whole
   * schedule would be over is a mistake (a stale value), not a late worker.
   */
  Optional<Instant> startAt(Map<String, String> environment, Instant now, Duration planLength) {
    String text = startAt != null ? startAt : environment.getOrDefault(START_AT_VARIABLE, "");
    if (text.isBlank()) {
      return Optional.empty();
    }
    String option = startAt != null ? "--start-at" : START_AT_VARIABLE;
    Instant instant = parseInstant(text.strip(), option);
    if (instant.plus(planLength).isBefore(now)) {
      throw usage(option + " " + text + " is " + Duration.between(instant, now).toSeconds()
          + " s ago: the whole schedule (" + dev.loadtest.spec.Quantities.formatDuration(
              planLength) + ") would already be over; give a start in the future");
    }
    return Optional.of(instant);
  }

  private Instant parseInstant(String text, String option) {
    try {
      return text.chars().allMatch(Character::isDigit)
          ? Instant.ofEpochMilli(Long.parseLong(text)) : Instant.parse(text);
    } catch (DateTimeException | NumberFormatException e) {
      throw usage(option + ": expected an ISO-8601 instant such as 2026-12-03T20:00:00Z or"
          + " epoch milliseconds such as 1796328000000, not '" + text + "'");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(command.commandLine(), message);
  }
}
