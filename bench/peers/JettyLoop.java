import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The floor under loadtest: a bare Jetty 12 client loop, the library loadtest is built on,
 * with no scenarios, templates, checks or statistics. Each of C loops sends GET URL again as
 * soon as its answer is in; prints the requests per second of the measured window.
 *
 * <p>Usage: {@code java -cp loadtest.jar JettyLoop.java URL CONNECTIONS SECONDS WARM_UP}, or
 * compiled with {@code javac -cp loadtest.jar} first, as bench/throughput.sh does.
 */
public final class JettyLoop {

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int connections = Integer.parseInt(args[1]);
    long seconds = Long.parseLong(args[2]);
    long warmUp = Long.parseLong(args[3]);

    ClientConnector connector = new ClientConnector();
    connector.setSelectors(Runtime.getRuntime().availableProcessors());
    HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
    client.setExecutor(new QueuedThreadPool(8, 8));
    client.setMaxConnectionsPerDestination(connections);
    client.getContentDecoderFactories().clear();
    // As loadtest configures it: responses are handled on the selector thread that read them.
    client.getHttpClientTransport().setInvocationType(Invocable.InvocationType.NON_BLOCKING);
    client.start();

    LongAdder answers = new LongAdder();
    long warmUpEnds = System.nanoTime() + warmUp * 1_000_000_000L;
    long ends = warmUpEnds + seconds * 1_000_000_000L;
    CountDownLatch stopped = new CountDownLatch(connections);
    for (int i = 0; i < connections; i++) {
      send(client, url, answers, ends, stopped);
    }
    // Counting starts after the warm-up so that JIT compilation is left out, as for loadtest.
    Thread.sleep(warmUp * 1000);
    long atWarmUp = answers.sum();
    stopped.await();
    long measured = answers.sum() - atWarmUp;
    System.out.printf("requests/s %.1f%n", measured / (double) seconds);
    client.stop();
  }

  private static void send(
      HttpClient client, String url, LongAdder answers, long ends, CountDownLatch stopped) {
    Request request = client.newRequest(url);
    request.send((Result result) -> {
      if (result.isSucceeded()) {
        answers.increment();
      }
      if (System.nanoTime() < ends) {
        send(client, url, answers, ends, stopped);
      } else {
        stopped.countDown();
      }
    });
  }
}
