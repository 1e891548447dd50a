package dev.loadtest.report;

import java.util.Arrays;

/**
 * The points of one line of a time chart, at most {@link #MAX_POINTS}: a one-hour run has
 * 3,600 intervals for a plot about 800 pixels wide. Longer series are cut into equal stretches
 * of consecutive points and each stretch keeps its lowest and its highest point, in time
 * order, so that a one-second spike still shows. Immutable; the arrays are not to be modified.
 *
 * <p>Why not hand XChart every point: when the x values are evenly spaced, XChart places tick
 * labels only at data points and tries one label spacing after another, formatting labels over
 * the whole series each time; with 3,600 points that took most of the time spent on charts.
 *
 * @param x the points' times
 * @param y the points' values
 */
record ChartLine(double[] x, double[] y) {

  /** Points drawn per line at most: about two per pixel column of the plot. */
  static final int MAX_POINTS = 1_600;

  /** The line through {@code x} and {@code y}, thinned when it has too many points. */
  static ChartLine of(double[] x, double[] y) {
    if (x.length <= MAX_POINTS) {
      return new ChartLine(x, y);
    }
    int stretch = (int) Math.ceil(x.length / (MAX_POINTS / 2.0));
    double[] keptX = new double[MAX_POINTS];
    double[] keptY = new double[MAX_POINTS];
    int kept = 0;
    for (int from = 0; from < x.length; from += stretch) {
      int to = Math.min(from + stretch, x.length);
      int lowest = from;
      int highest = from;
      for (int i = from + 1; i < to; i++) {
        lowest = y[i] < y[lowest] ? i : lowest;
        highest = y[i] > y[highest] ? i : highest;
      }
      // Both extremes, the earlier first; one point when they coincide.
      keptX[kept] = x[Math.min(lowest, highest)];
      keptY[kept++] = y[Math.min(lowest, highest)];
      if (lowest != highest) {
        keptX[kept] = x[Math.max(lowest, highest)];
        keptY[kept++] = y[Math.max(lowest, highest)];
      }
    }
    return new ChartLine(Arrays.copyOf(keptX, kept), Arrays.copyOf(keptY, kept));
  }

  @Override
  public String toString() {
    return "ChartLine[" + x.length + " points]";
  }
}
