package dev.loadtest.plan;

/**
 * Splits a whole number into parts proportional to weights, exactly: the parts always add up to
 * the whole (largest remainder method, ties to the earlier part). Splitting users among
 * scenarios, and later a plan among workers, must never lose or double a user.
 */
public final class Shares {

  private Shares() {}

  /**
   * @param total the whole to split, at least 0
   * @param weights non-negative weights with a positive sum
   * @return parts, one per weight, summing to {@code total}
   */
  public static int[] split(int total, double[] weights) {
    double sum = 0;
    for (double weight : weights) {
      sum += weight;
    }
    int[] parts = new int[weights.length];
    double[] remainders = new double[weights.length];
    int assigned = 0;
    for (int i = 0; i < weights.length; i++) {
      double exact = total * weights[i] / sum;
      parts[i] = (int) Math.floor(exact);
      remainders[i] = exact - parts[i];
      assigned += parts[i];
    }
    for (int left = total - assigned; left > 0; left--) {
      int best = 0;
      for (int i = 1; i < weights.length; i++) {
        if (remainders[i] > remainders[best]) {
          best = i;
        }
      }
      parts[best]++;
      remainders[best] = -1;
    }
    return parts;
  }
}
