package dev.loadtest.stats;

/** Why a request failed; reports and metrics group failures by kind. */
public enum FailureKind {
  /** The status was not in the expected set. */
  STATUS("status"),
  /** No complete answer within the request timeout. */
  TIMEOUT("timeout"),
  /** The connection could not be opened (refused, unreachable, connect timeout). */
  CONNECT("connect"),
  /** The connection broke during the exchange. */
  RESET("reset"),
  /** The response arrived but a check on its content failed. */
  CHECK("check"),
  /** An LLM answer broke its format: bad JSON, cut before its end, an error event, no content. */
  STREAM("stream"),
  /** 429 Too Many Requests: the target refused the request for its rate. */
  RATE_LIMITED("rateLimited"),
  /** Anything else the client reported. */
  OTHER("other");

  private final String label;

  FailureKind(String label) {
    this.label = label;
  }

  /** The lower-case name used in JSON, CSV and metric labels. */
  public String label() {
    return label;
  }
}
