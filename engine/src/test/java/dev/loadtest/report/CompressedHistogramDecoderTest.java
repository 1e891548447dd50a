package dev.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loadtest.stats.LatencyHistograms;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sparse reading of an encoded histogram gives back what HdrHistogram's own decoding
 * gives: every count, and the same percentiles, mean, minimum and maximum.
 */
class CompressedHistogramDecoderTest {

  private static final List<Double> PERCENTILES =
      List.of(0.0, 0.1, 1.0, 25.0, 50.0, 66.0, 75.0, 90.0, 95.0, 99.0, 99.9, 99.99, 100.0);

  static Stream<Arguments> histograms() {
    return Stream.of(
        // An interval without requests: loadtest never writes one, other writers may.
        Arguments.of("empty", LatencyHistograms.newHistogram()),
        // Zero sits at position 0, which the minimum treats apart.
        Arguments.of("zero and one", histogram(h -> {
          h.recordValue(0);
          h.recordValue(1);
        })),
        // The top of the one-hour range: the last bucket, the longest run of empty positions.
        Arguments.of("one hour", histogram(h -> h.recordValue(
            LatencyHistograms.HIGHEST_TRACKABLE_NANOS))),
        // A count above 2^56 needs the ninth byte of the LEB128 encoding.
        Arguments.of("huge count", histogram(h -> h.recordValueWithCount(25_000_000,
            1L << 60))),
        // Every magnitude from 1 ns to an hour, seeded.
        Arguments.of("all magnitudes", histogram(h -> {
          Random random = new Random(3);
          for (int i = 0; i < 5_000; i++) {
            h.recordValue((long) Math.pow(10, random.nextDouble() * 12.5));
          }
        })),
        // What SyntheticRun writes: log-normal around 20 ms with a slow tail.
        Arguments.of("latencies", histogram(h -> {
          Random random = new Random(5);
          for (int i = 0; i < 2_000; i++) {
            double millis = i % 500 == 0 ? 4_000 : Math.exp(3 + random.nextGaussian() * 0.6);
            h.recordValue((long) (millis * 1e6));
          }
        })),
        // Another layout: microseconds from 1,000 with two significant digits.
        Arguments.of("other layout", histogram(new Histogram(1_000, 60_000_000_000L, 2), h -> {
          for (long value = 1_000; value < 60_000_000_000L; value = value * 3 + 7) {
            h.recordValueWithCount(value, value % 13 + 1);
          }
        })));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("histograms")
  void sparseCountsAgreeWithHdrHistogram(String name, Histogram original) throws Exception {
    SparseCounts counts;
    try (CompressedHistogramDecoder decoder = new CompressedHistogramDecoder()) {
      counts = decoder.decode(encode(original));
    }

    assertThat(counts.totalCount()).isEqualTo(original.getTotalCount());
    for (double percentile : PERCENTILES) {
      assertThat(counts.valueAtPercentile(percentile)).as("p%s", percentile)
          .isEqualTo(original.getValueAtPercentile(percentile));
    }
    assertThat(counts.mean()).isEqualTo(original.getMean());
    assertThat(counts.minValue()).isEqualTo(original.getMinValue());
    assertThat(counts.maxValue()).isEqualTo(original.getMaxValue());
    Histogram rebuilt = new Histogram(original.getLowestDiscernibleValue(),
        original.getHighestTrackableValue(), original.getNumberOfSignificantValueDigits());
    counts.recordInto(rebuilt);
    assertThat(rebuilt).isEqualTo(original);
  }

  @Test
  void oneDecoderReadsManyHistogramsOfDifferentSizes() throws Exception {
    Histogram big = histogram(h -> {
      for (long value = 1; value < LatencyHistograms.HIGHEST_TRACKABLE_NANOS; value *= 2) {
        h.recordValue(value);
      }
    });
    Histogram small = histogram(h -> h.recordValue(42));
    try (CompressedHistogramDecoder decoder = new CompressedHistogramDecoder()) {
      assertThat(decoder.decode(encode(big)).totalCount()).isEqualTo(big.getTotalCount());
      assertThat(decoder.decode(encode(small)).valueAtPercentile(50)).isEqualTo(42);
      assertThat(decoder.decode(encode(big)).maxValue()).isEqualTo(big.getMaxValue());
    }
  }

  @Test
  void uncompressedEncodingIsRefusedByName() {
    Histogram histogram = histogram(h -> h.recordValue(7));
    ByteBuffer plain = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    histogram.encodeIntoByteBuffer(plain);
    String base64 = Base64.getEncoder().encodeToString(plain.array());

    try (CompressedHistogramDecoder decoder = new CompressedHistogramDecoder()) {
      assertThatThrownBy(() -> decoder.decode(base64)).isInstanceOf(DataFormatException.class)
          .hasMessageContaining("is not HdrHistogram's compressed V2 encoding");
    }
  }

  @Test
  void truncatedHistogramIsAnError() {
    byte[] whole = Base64.getDecoder().decode(encode(histogram(h -> h.recordValue(7))));
    byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);

    try (CompressedHistogramDecoder decoder = new CompressedHistogramDecoder()) {
      assertThatThrownBy(() -> decoder.decode(Base64.getEncoder().encodeToString(half)))
          .isInstanceOf(DataFormatException.class).hasMessageContaining("cut short");
    }
  }

  private static Histogram histogram(java.util.function.Consumer<Histogram> recording) {
    return histogram(LatencyHistograms.newHistogram(), recording);
  }

  private static Histogram histogram(Histogram empty,
      java.util.function.Consumer<Histogram> recording) {
    recording.accept(empty);
    return empty;
  }

  /** As HistogramLogWriter writes a histogram into the log. */
  private static String encode(Histogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
  }
}
