package dev.loadtest.run;

import org.eclipse.jetty.client.AbstractConnectionPool;
import org.eclipse.jetty.client.Destination;

/**
 * Jetty's HTTP/1.1 connection pool with an {@link IdleStackPool} underneath, so that finding
 * an idle connection costs the same with 10,000 connections as with ten.
 */
final class IdleStackConnectionPool extends AbstractConnectionPool {

  /** An HTTP/1.1 connection carries one request at a time. */
  private static final int ONE_REQUEST_PER_CONNECTION = 1;

  IdleStackConnectionPool(Destination destination, int maxConnections) {
    super(destination, () -> new IdleStackPool<>(maxConnections), ONE_REQUEST_PER_CONNECTION);
  }
}
