package dev.loadtest.plan;

import java.net.URI;

/** Where the target lives. */
public sealed interface Endpoint {

  String describe();

  /** A server reached over the network at a base URI (scheme, host, port, optional prefix). */
  record Remote(URI baseUri) implements Endpoint {
    @Override
    public String describe() {
      return baseUri.toString();
    }
  }

  /** The built-in mock, started in this process on a free loopback port. */
  record BuiltInMock(MockSettings settings) implements Endpoint {
    @Override
    public String describe() {
      return "built-in mock (" + settings.describe() + ")";
    }
  }
}
