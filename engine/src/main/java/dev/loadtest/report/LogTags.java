package dev.loadtest.report;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Request names as tags of the interval log. HdrHistogram's log reader splits lines at spaces
 * and commas, so names are URL-encoded: {@code agents status} is written {@code agents+status}.
 * Stateless.
 */
final class LogTags {

  private LogTags() {}

  static String encode(String requestName) {
    return URLEncoder.encode(requestName, StandardCharsets.UTF_8);
  }

  static String decode(String tag) {
    return tag == null ? "" : URLDecoder.decode(tag, StandardCharsets.UTF_8);
  }
}
