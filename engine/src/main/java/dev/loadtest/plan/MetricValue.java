package dev.loadtest.plan;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Where a custom metric's value comes from in a response. A value that is absent, not a number
 * or negative is reported as empty, and the engine counts it as missing. Implementations are
 * immutable and thread-safe.
 */
public sealed interface MetricValue {

  /** The value, or empty when the response does not hold a usable one. */
  Optional<Double> from(ResponseFacts response);

  /** True when the value comes from the body, which must then be kept. */
  boolean needsBody();

  /** True when the value comes from a header, which must then be kept. */
  default boolean needsHeaders() {
    return false;
  }

  String describe();

  /** Keeps finite, non-negative numbers: counters only grow and histograms hold no negatives. */
  private static Optional<Double> usable(double value) {
    return Double.isFinite(value) && value >= 0 ? Optional.of(value) : Optional.empty();
  }

  /** Reads a number written as text, e.g. a header's value. */
  private static Optional<Double> parse(String text) {
    try {
      return usable(Double.parseDouble(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The same number for every response: 1 counts responses. */
  record Constant(double value) implements MetricValue {
    @Override
    public Optional<Double> from(ResponseFacts response) {
      return Optional.of(value);
    }

    @Override
    public boolean needsBody() {
      return false;
    }

    @Override
    public String describe() {
      return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
  }

  /**
   * A JSON value: a number as it is, a string holding a number, or the size of an array or
   * object, so that {@code $.steps} counts the steps of a list.
   */
  record FromJsonPath(JsonPath path) implements MetricValue {
    @Override
    public Optional<Double> from(ResponseFacts response) {
      return response.json().flatMap(path::find).flatMap(FromJsonPath::number);
    }

    private static Optional<Double> number(JsonNode node) {
      if (node.isNumber()) {
        return usable(node.doubleValue());
      }
      if (node.isArray() || node.isObject()) {
        return Optional.of((double) node.size());
      }
      return node.isString() ? parse(node.stringValue()) : Optional.empty();
    }

    @Override
    public boolean needsBody() {
      return true;
    }

    @Override
    public String describe() {
      return path.source();
    }
  }

  /** A response header holding a number, e.g. {@code X-Tokens-Used: 812}. */
  record FromHeader(String header) implements MetricValue {
    @Override
    public Optional<Double> from(ResponseFacts response) {
      return response.header(header).flatMap(MetricValue::parse);
    }

    @Override
    public boolean needsBody() {
      return false;
    }

    @Override
    public boolean needsHeaders() {
      return true;
    }

    @Override
    public String describe() {
      return "header " + header;
    }
  }

  /** The size of the response body in bytes, as decoded. */
  record BodyBytes() implements MetricValue {
    @Override
    public Optional<Double> from(ResponseFacts response) {
      return Optional.of((double) response.bodyText().getBytes(StandardCharsets.UTF_8).length);
    }

    @Override
    public boolean needsBody() {
      return true;
    }

    @Override
    public String describe() {
      return "body bytes";
    }
  }
}
