package dev.loadtest.plan;

import java.util.List;
import java.util.Locale;

/**
 * A metric the spec declares under a request's {@code metrics:}, with every request that records
 * into it agreeing on its kind, unit, help and buckets. Immutable.
 *
 * @param name the name in the spec, e.g. {@code agent_steps}; exported with a prefix
 * @param kind counter (values add up) or histogram (values form a distribution)
 * @param unit the unit of its values, for reports; empty when unitless
 * @param help one line saying what it counts, for reports and the exposition's HELP
 * @param buckets upper bounds of the exported histogram's buckets, ascending; empty for counters
 */
public record CustomMetric(String name, Kind kind, String unit, String help,
    List<Double> buckets) {

  /**
   * Upper bounds of a histogram that names none: 1-2-5 steps from 0.01 to 100,000, which suits
   * counts, sizes and scores alike.
   */
  public static final List<Double> DEFAULT_BUCKETS = defaultBuckets();

  /** How recorded values combine. */
  public enum Kind {
    COUNTER, HISTOGRAM;

    /** As written in specs: {@code counter} or {@code histogram}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public CustomMetric {
    buckets = List.copyOf(buckets);
  }

  public boolean isHistogram() {
    return kind == Kind.HISTOGRAM;
  }

  /** The buckets as an array, for the recording hot path. */
  public double[] bucketArray() {
    return buckets.stream().mapToDouble(Double::doubleValue).toArray();
  }

  public String describe() {
    return kind.label() + " " + name + (unit.isEmpty() ? "" : " (" + unit + ")");
  }

  private static List<Double> defaultBuckets() {
    List<Double> bounds = new java.util.ArrayList<>();
    for (double decade = 0.01; decade < 100_000; decade *= 10) {
      for (double step : new double[] {1, 2, 5}) {
        // Rounded so that 0.1 * 2 reads 0.2 and not 0.20000000000000004 in the exposition.
        bounds.add(Double.parseDouble(String.format(Locale.ROOT, "%.6g", decade * step)));
      }
    }
    bounds.add(100_000.0);
    return List.copyOf(bounds);
  }
}
