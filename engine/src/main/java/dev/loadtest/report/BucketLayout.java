package dev.loadtest.report;

/**
 * Where an HdrHistogram keeps each value: the mapping from a position of its counts array to
 * the values that position stands for. Encoded histograms list their counts by position, so
 * reading them without building a whole histogram needs this mapping; it depends only on the
 * lowest discernible value and the significant digits, not on the highest trackable value.
 * Immutable.
 *
 * @param unitMagnitude log2 of the lowest discernible value, rounded down
 * @param subBucketHalfCountMagnitude log2 of half the positions of a bucket
 */
record BucketLayout(int unitMagnitude, int subBucketHalfCountMagnitude) {

  /** The layout HdrHistogram derives from a histogram's construction parameters. */
  static BucketLayout of(long lowestDiscernibleValue, int significantDigits) {
    if (lowestDiscernibleValue < 1 || significantDigits < 0 || significantDigits > 5) {
      throw new IllegalArgumentException("lowest discernible value " + lowestDiscernibleValue
          + " and " + significantDigits + " significant digits are not a histogram's");
    }
    long singleUnitLimit = 2 * (long) Math.pow(10, significantDigits);
    int subBucketCountMagnitude = 64 - Long.numberOfLeadingZeros(singleUnitLimit - 1);
    int unitMagnitude = 63 - Long.numberOfLeadingZeros(lowestDiscernibleValue);
    return new BucketLayout(unitMagnitude, Math.max(subBucketCountMagnitude, 1) - 1);
  }

  /** The lowest value counted at {@code index}. */
  long valueAt(int index) {
    int bucket = (index >> subBucketHalfCountMagnitude) - 1;
    int halfCount = 1 << subBucketHalfCountMagnitude;
    int subBucket = (index & (halfCount - 1)) + halfCount;
    if (bucket < 0) {
      subBucket -= halfCount;
      bucket = 0;
    }
    return ((long) subBucket) << (bucket + unitMagnitude);
  }

  /** The highest value counted at {@code index}: one below the next position's lowest. */
  long highestValueAt(int index) {
    return valueAt(index + 1) - 1;
  }
}
