package dev.loadtest.plan;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** What checks can read of a response. Read by one thread, the one completing the exchange. */
public interface ResponseFacts {

  int status();

  /** The body as UTF-8 text; empty when the body was discarded or absent. */
  String bodyText();

  /** The body parsed as JSON, parsed at most once; empty when it is not JSON. */
  Optional<JsonNode> json();

  /** A response header's value; empty when absent or when the headers were not kept. */
  default Optional<String> header(String name) {
    return Optional.empty();
  }
}
