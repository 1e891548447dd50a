package dev.loadtest.plan;

/** Which requests a threshold looks at. */
public sealed interface ThresholdScope {

  /** Text added to the metric's name, empty for all requests. */
  String suffix();

  /** All requests of the run together. */
  record AllRequests() implements ThresholdScope {
    @Override
    public String suffix() {
      return "";
    }
  }

  /** The requests of one name; {@code statsKey} indexes {@link TestPlan#requestNames()}. */
  record OneRequest(String name, int statsKey) implements ThresholdScope {
    @Override
    public String suffix() {
      return "{" + name + "}";
    }
  }
}
