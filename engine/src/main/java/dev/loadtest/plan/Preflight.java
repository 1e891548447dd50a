package dev.loadtest.plan;

import java.time.Duration;
import java.util.List;

/** A check of the target before any load starts, like {@code curl /health}. */
public sealed interface Preflight {

  String describe();

  /** No preflight request. */
  record None() implements Preflight {
    @Override
    public String describe() {
      return "none";
    }
  }

  /** A request whose status must be in the expected set within the timeout. */
  record HttpPreflight(
      HttpMethod method,
      String path,
      List<HeaderTemplate> headers,
      StatusSet expectStatus,
      Duration timeout) implements Preflight {

    public HttpPreflight {
      headers = List.copyOf(headers);
    }

    @Override
    public String describe() {
      return method + " " + path + " expecting " + expectStatus.describe() + " within "
          + dev.loadtest.spec.Quantities.formatDuration(timeout);
    }
  }
}
