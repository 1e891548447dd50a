package dev.loadtest.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the samples of a Prometheus text exposition page (format 0.0.4, which OpenMetrics pages
 * also satisfy for plain samples). Comments, HELP and TYPE lines are skipped; a malformed line
 * is skipped and counted rather than failing the page, because a monitor must not stop a run.
 * Stateless apart from the counter of the last parse; not thread-safe.
 */
final class PrometheusTextParser {

  /**
   * One sample line.
   *
   * @param name the metric name, with any suffix such as {@code _total}
   * @param labels label names and values, in page order
   * @param value the sample value
   */
  record Sample(String name, Map<String, String> labels, double value) {
    Sample {
      labels = Map.copyOf(labels);
    }
  }

  private int skippedLines;

  /** The samples of a page, in page order. */
  List<Sample> parse(String page) {
    skippedLines = 0;
    List<Sample> samples = new ArrayList<>();
    for (String raw : page.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        samples.add(sample(line));
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        skippedLines++;
      }
    }
    return samples;
  }

  /** Lines of the last page that were not valid samples. */
  int skippedLines() {
    return skippedLines;
  }

  private static Sample sample(String line) {
    int nameEnd = 0;
    while (nameEnd < line.length() && isNameChar(line.charAt(nameEnd))) {
      nameEnd++;
    }
    if (nameEnd == 0) {
      throw new IllegalArgumentException("no metric name");
    }
    String name = line.substring(0, nameEnd);
    Map<String, String> labels = new LinkedHashMap<>();
    int rest = nameEnd;
    if (rest < line.length() && line.charAt(rest) == '{') {
      rest = labels(line, rest + 1, labels);
    }
    String[] fields = line.substring(rest).strip().split("\\s+");
    return new Sample(name, labels, value(fields[0]));
  }

  /** Reads {@code a="x",b="y"}, returns the index after the closing brace. */
  private static int labels(String line, int start, Map<String, String> labels) {
    int at = start;
    while (true) {
      at = skipSpacesAndCommas(line, at);
      if (line.charAt(at) == '}') {
        return at + 1;
      }
      int equals = line.indexOf('=', at);
      String label = line.substring(at, equals).strip();
      if (line.charAt(equals + 1) != '"') {
        throw new IllegalArgumentException("label value not quoted");
      }
      StringBuilder value = new StringBuilder();
      at = quoted(line, equals + 2, value);
      labels.put(label, value.toString());
    }
  }

  private static int skipSpacesAndCommas(String line, int at) {
    while (line.charAt(at) == ',' || line.charAt(at) == ' ') {
      at++;
    }
    return at;
  }

  /** Unescapes a quoted label value; returns the index after the closing quote. */
  private static int quoted(String line, int at, StringBuilder value) {
    while (line.charAt(at) != '"') {
      char c = line.charAt(at);
      if (c == '\\') {
        char escaped = line.charAt(++at);
        value.append(escaped == 'n' ? '\n' : escaped);
      } else {
        value.append(c);
      }
      at++;
    }
    return at + 1;
  }

  private static double value(String text) {
    return switch (text) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == ':';
  }

  @Override
  public String toString() {
    return "PrometheusTextParser[skipped " + skippedLines + " lines last time]";
  }
}
