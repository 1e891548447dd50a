package dev.loadtest.run;

import dev.loadtest.stats.FailureKind;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;

/** Turns a client exception into a failure kind and a short message fit for a report. */
final class FailureClassifier {

  private FailureClassifier() {}

  static FailureKind kindOf(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof MalformedStreamException) {
        return FailureKind.STREAM;
      }
      if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException) {
        return isConnectTimeout(cause) ? FailureKind.CONNECT : FailureKind.TIMEOUT;
      }
      if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
          || cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
        return FailureKind.CONNECT;
      }
      if (cause instanceof EOFException || cause instanceof ClosedChannelException
          || String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT)
              .contains("reset")) {
        return FailureKind.RESET;
      }
    }
    return FailureKind.OTHER;
  }

  private static boolean isConnectTimeout(Throwable cause) {
    return String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT)
        .contains("connect");
  }

  /** A one-line message: the exception's simple name and text, without a stack trace. */
  static String messageOf(Throwable failure) {
    if (failure instanceof MalformedStreamException stream) {
      return stream.getMessage();
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage();
    String name = root.getClass().getSimpleName();
    return text == null || text.isBlank() ? name : name + ": " + firstLine(text);
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    String line = newline < 0 ? text : text.substring(0, newline);
    return line.length() <= 200 ? line : line.substring(0, 197) + "...";
  }
}
