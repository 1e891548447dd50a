package dev.loadtest.plan;

/**
 * One worker's share of a plan run by several: worker {@code index} of {@code count}, 1-based.
 * Immutable.
 *
 * <p>Every countable thing the plan holds (users, arrivals, iterations, feeder rows) is numbered
 * from 0, and item {@code k} belongs to the worker whose {@code index - 1 == k mod count}. The
 * shares of all workers are therefore disjoint and add up to the whole for any count, including
 * counts that do not divide the numbers or exceed them.
 *
 * @param index which worker, from 1 to {@code count}
 * @param count how many workers share the plan
 */
public record Segment(int index, int count) {

  /** The whole plan, run by one process. */
  public static final Segment WHOLE = new Segment(1, 1);

  public Segment {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("a segment is I/N with 1 <= I <= N, not " + index + "/"
          + count);
    }
  }

  /**
   * Reads {@code I/N}, e.g. {@code 2/5}.
   *
   * @throws IllegalArgumentException with a message that shows a valid value
   */
  public static Segment parse(String text) {
    String[] parts = text.strip().split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("expected I/N (worker I of N, from 1), e.g. 2/5, not '"
          + text + "'");
    }
    try {
      return new Segment(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected I/N with whole numbers, e.g. 2/5, not '"
          + text + "'");
    }
  }

  /** True for the plan run by a single process. */
  public boolean isWhole() {
    return count == 1;
  }

  /** Whether item {@code k} (counted from 0) of the whole belongs to this worker. */
  public boolean owns(long k) {
    return k % count == index - 1;
  }

  /** How many of the items {@code 0 .. total - 1} belong to this worker. */
  public long shareOf(long total) {
    return total < index ? 0 : (total - index) / count + 1;
  }

  /** {@link #shareOf(long)} for int-sized totals such as users. */
  public int shareOf(int total) {
    return (int) shareOf((long) total);
  }

  /** The number, in the whole, of this worker's {@code local}-th item (both from 0). */
  public long wholeIndexOf(long local) {
    return index - 1 + local * count;
  }

  /** {@code I/N}, as the command line takes it. */
  @Override
  public String toString() {
    return index + "/" + count;
  }
}
