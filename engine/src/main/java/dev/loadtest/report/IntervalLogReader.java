package dev.loadtest.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.DataFormatException;

/**
 * Reads an HdrHistogram interval log line by line, as {@code HistogramLogReader} does, but
 * hands each histogram over as {@link SparseCounts}: replaying a one-hour log of 50 request
 * names means 180,000 histograms, and building each at the full one-hour range is what made
 * {@code report --from} take a minute. Times follow the log's {@code BaseTime} (or its
 * {@code StartTime} when the timestamps are relative), in epoch milliseconds.
 * Not thread-safe: one reader per log.
 */
final class IntervalLogReader implements AutoCloseable {

  /** Timestamps a year below the start time are relative to it, as HdrHistogram deduces. */
  private static final double RELATIVE_BELOW_SECONDS = 365 * 24 * 3600.0;

  /**
   * One histogram of the log.
   *
   * @param tag the tag as written, empty without one
   * @param startMillis the interval's start, epoch milliseconds
   * @param counts what the interval recorded
   */
  record Entry(String tag, long startMillis, SparseCounts counts) {}

  private final Path file;
  private final BufferedReader lines;
  private final CompressedHistogramDecoder decoder = new CompressedHistogramDecoder();
  private double startSeconds = Double.NaN;
  private double baseSeconds = Double.NaN;
  private int lineNumber;

  IntervalLogReader(Path file) throws IOException {
    this.file = file;
    this.lines = Files.newBufferedReader(file, StandardCharsets.UTF_8);
  }

  /** The next histogram; null at the end of the log. */
  Entry next() throws IOException {
    String line;
    while ((line = lines.readLine()) != null) {
      lineNumber++;
      if (line.startsWith("#")) {
        header(line);
      } else if (!line.isBlank() && !line.startsWith("\"")) {
        return entry(line);
      }
    }
    return null;
  }

  private void header(String line) {
    if (line.startsWith("#[StartTime: ")) {
      startSeconds = leadingSeconds(line, "#[StartTime: ".length());
    } else if (line.startsWith("#[BaseTime: ")) {
      baseSeconds = leadingSeconds(line, "#[BaseTime: ".length());
    }
  }

  private static double leadingSeconds(String line, int from) {
    int end = line.indexOf(' ', from);
    return Double.parseDouble(line.substring(from, end < 0 ? line.length() : end));
  }

  /** {@code [Tag=NAME,]START,LENGTH,MAX,BASE64}. */
  private Entry entry(String line) throws IOException {
    String tag = "";
    String rest = line;
    if (line.startsWith("Tag=")) {
      int comma = line.indexOf(',');
      tag = line.substring("Tag=".length(), Math.max(comma, "Tag=".length()));
      rest = line.substring(comma + 1);
    }
    String[] fields = rest.split(",");
    if (fields.length != 4) {
      throw failure("expected START,LENGTH,MAX,HISTOGRAM", null);
    }
    try {
      double seconds = Double.parseDouble(fields[0]);
      long startMillis = (long) ((seconds + baseSeconds(seconds)) * 1000.0);
      return new Entry(tag, startMillis, decoder.decode(fields[3].trim()));
    } catch (NumberFormatException | DataFormatException e) {
      throw failure(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw failure("the histogram is not base64: " + e.getMessage(), e);
    }
  }

  /** The base of the timestamps: written, or deduced once from the first one. */
  private double baseSeconds(double firstSeconds) {
    if (Double.isNaN(baseSeconds)) {
      boolean relative = !Double.isNaN(startSeconds)
          && firstSeconds < startSeconds - RELATIVE_BELOW_SECONDS;
      baseSeconds = relative ? startSeconds : 0;
    }
    return baseSeconds;
  }

  private IOException failure(String reason, Exception cause) {
    return new IOException(file + ", line " + lineNumber + ": " + reason, cause);
  }

  @Override
  public void close() throws IOException {
    decoder.close();
    lines.close();
  }

  @Override
  public String toString() {
    return "IntervalLogReader[" + file + ", line " + lineNumber + "]";
  }
}
