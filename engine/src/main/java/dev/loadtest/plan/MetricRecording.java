package dev.loadtest.plan;

/**
 * What a request records into a custom metric on each successful response. Immutable.
 *
 * @param series the series the value goes into
 * @param value where the value comes from
 */
public record MetricRecording(CustomSeries series, MetricValue value) {

  public String describe() {
    return series.describe() + " += " + value.describe();
  }
}
