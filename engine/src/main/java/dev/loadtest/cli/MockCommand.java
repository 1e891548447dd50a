package dev.loadtest.cli;

import dev.loadtest.mock.MockServer;
import dev.loadtest.plan.LatencyDistribution;
import dev.loadtest.plan.LlmMockSettings;
import dev.loadtest.plan.MockSettings;
import dev.loadtest.spec.Quantities;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code loadtest mock}: runs the built-in mock target in the foreground until the process is
 * stopped (Ctrl-C or SIGTERM), printing one line with its address and settings.
 *
 * <p>Not thread-safe; picocli populates and calls it once.
 */
@Command(
    name = "mock",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the built-in mock target: every path answers 200 with a small JSON body after a "
            + "simulated delay, or 500/429 at the given rates; GET /health answers at once.",
        "POST /v1/chat/completions answers as an OpenAI-compatible model (streamed or not, with"
            + " usage); GET /v1/models lists it; GET /metrics serves the mock's own metrics.",
        "Speaks HTTP/1.1 and h2c on the same port. Stop it with Ctrl-C."})
public final class MockCommand implements Callable<Integer> {

  /** How long the started mock runs; the command closes the mock when this returns. */
  @FunctionalInterface
  public interface Lifetime {
    /** Blocks while the mock should keep running. */
    void awaitEnd(MockServer server) throws InterruptedException;
  }

  /** Runs until the thread is interrupted or the JVM shuts down (the shutdown hook closes). */
  public static final Lifetime UNTIL_INTERRUPTED = server -> new CountDownLatch(1).await();

  @Spec
  private CommandSpec spec;

  @Option(names = "--port", defaultValue = "8000", paramLabel = "PORT",
      description = "TCP port to listen on, 0 for a free one (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(names = "--host", defaultValue = MockServer.DEFAULT_HOST, paramLabel = "ADDRESS",
      description = "Address to bind (default: ${DEFAULT-VALUE}, loopback only).")
  private String host;

  @Option(names = "--latency", defaultValue = "0ms", paramLabel = "DISTRIBUTION",
      converter = LatencyConverter.class,
      description = "Delay before each answer: 50ms, uniform:10ms..100ms or "
          + "lognormal:50ms,400ms (median,p99) (default: ${DEFAULT-VALUE}).")
  private LatencyDistribution latency;

  @Option(names = "--error-rate", defaultValue = "0", paramLabel = "SHARE",
      converter = ShareConverter.class,
      description = "Share of requests answered 500, as 0.01 or 1%% (default: ${DEFAULT-VALUE}).")
  private double errorRate;

  @Option(names = "--rate-limit-rate", defaultValue = "0", paramLabel = "SHARE",
      converter = ShareConverter.class,
      description = "Share of requests answered 429 with Retry-After: 1, as 0.05 or 5%% "
          + "(default: ${DEFAULT-VALUE}).")
  private double rateLimitRate;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
      description = "Seed of the outcome and delay sequence (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--stall", paramLabel = "LENGTH/EVERY",
      description = "Freeze the whole target for LENGTH at the end of every EVERY, like a GC"
          + " pause, e.g. 1s/5s (default: never).")
  private String stall;

  @Option(names = "--ttft", defaultValue = "200ms", paramLabel = "DISTRIBUTION",
      converter = LatencyConverter.class,
      description = "/v1/chat/completions: time to the first token, in the form of --latency"
          + " (default: ${DEFAULT-VALUE}).")
  private LatencyDistribution ttft;

  @Option(names = "--tokens-per-second", defaultValue = "100", paramLabel = "RATE",
      description = "/v1/chat/completions: pace of the tokens after the first"
          + " (default: ${DEFAULT-VALUE}).")
  private double tokensPerSecond;

  @Option(names = "--output-tokens", defaultValue = "50..150", paramLabel = "N|MIN..MAX",
      description = "/v1/chat/completions: answer length in tokens, fixed or uniform"
          + " (default: ${DEFAULT-VALUE}); a request's max_tokens lowers it.")
  private String outputTokens;

  @Option(names = "--cache-hit-rate", defaultValue = "0", paramLabel = "SHARE",
      converter = ShareConverter.class,
      description = "/v1/chat/completions: share of answers marked X-Cache: HIT"
          + " (default: ${DEFAULT-VALUE}).")
  private double cacheHitRate;

  @Option(names = "--model", defaultValue = "mock-gpt", paramLabel = "NAME",
      description = "/v1/chat/completions and /v1/models: the model name answers carry"
          + " (default: ${DEFAULT-VALUE}).")
  private String model;

  private final Lifetime lifetime;

  /** The command as the CLI runs it: until interrupted. */
  public MockCommand() {
    this(UNTIL_INTERRUPTED);
  }

  /** A command whose running time is decided by {@code lifetime}, for tests and embedding. */
  public MockCommand(Lifetime lifetime) {
    this.lifetime = lifetime;
  }

  @Override
  public Integer call() {
    MockSettings settings = settings();
    MockServer server;
    try {
      server = MockServer.start(settings, host, port);
    } catch (IOException e) {
      spec.commandLine().getErr().println("loadtest mock: " + e.getMessage());
      return ExitCode.COULD_NOT_RUN.code();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("mock target listening on " + server.baseUri() + " (" + settings.describe() + ")");
    out.flush();
    runUntilEnd(server);
    return 0;
  }

  private void runUntilEnd(MockServer server) {
    // SIGTERM and Ctrl-C never return from awaitEnd; the hook lets in-flight answers finish.
    Thread hook = new Thread(server::close, "loadtest-mock-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      lifetime.awaitEnd(server);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      removeHook(hook);
      server.close();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or about to; it closes the server itself.
    }
  }

  /** The options as settings; checks what no single option can check alone. */
  private MockSettings settings() {
    if (port < 0 || port > 65_535) {
      throw usage("Invalid value for option '--port': expected 0..65535, like 8000 "
          + "(0 picks a free port), but got " + port);
    }
    if (errorRate + rateLimitRate > 1) {
      throw usage("Invalid values for options '--error-rate' and '--rate-limit-rate': together "
          + "they exceed 100% (" + errorRate * 100 + "% + " + rateLimitRate * 100
          + "%); for example --error-rate 1% --rate-limit-rate 5%");
    }
    return new MockSettings(latency, errorRate, rateLimitRate, seed, stall(), llm());
  }

  private LlmMockSettings llm() {
    if (!(tokensPerSecond > 0) || Double.isInfinite(tokensPerSecond)) {
      throw usage("Invalid value for option '--tokens-per-second': expected a rate above 0,"
          + " like 50, but got " + tokensPerSecond);
    }
    String[] bounds = outputTokens.trim().split("\\.\\.", -1);
    try {
      int min = Integer.parseInt(bounds[0].trim());
      int max = bounds.length == 2 ? Integer.parseInt(bounds[1].trim()) : min;
      if (bounds.length <= 2 && min >= 1 && max >= min) {
        return new LlmMockSettings(ttft, tokensPerSecond, min, max, cacheHitRate, model);
      }
    } catch (NumberFormatException e) {
      // Reported below with the expected form.
    }
    throw usage("Invalid value for option '--output-tokens': expected N or MIN..MAX with"
        + " 1 <= MIN <= MAX, like 200 or 50..150, but got '" + outputTokens + "'");
  }

  private MockSettings.Stall stall() {
    if (stall == null) {
      return MockSettings.Stall.NONE;
    }
    String[] parts = stall.split("/", -1);
    try {
      if (parts.length == 2) {
        return new MockSettings.Stall(Quantities.parseDuration(parts[1].trim()),
            Quantities.parseDuration(parts[0].trim()));
      }
    } catch (IllegalArgumentException e) {
      // Reported below with the expected form.
    }
    throw usage("Invalid value for option '--stall': expected LENGTH/EVERY with the length"
        + " shorter than the period, like 1s/5s, but got '" + stall + "'");
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  @Override
  public String toString() {
    return "MockCommand{" + host + ":" + port + ", latency " + latency + ", errorRate "
        + errorRate + ", rateLimitRate " + rateLimitRate + ", seed " + seed + "}";
  }

  /**
   * Reads {@code 50ms} or {@code fixed:50ms}, {@code uniform:10ms..100ms} and
   * {@code lognormal:50ms,400ms} (median, then 99th percentile). Stateless.
   */
  static final class LatencyConverter implements ITypeConverter<LatencyDistribution> {

    private static final String EXAMPLES =
        "like 50ms, uniform:10ms..100ms or lognormal:50ms,400ms (median,p99)";

    @Override
    public LatencyDistribution convert(String text) {
      try {
        return parse(text.trim());
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "expected a latency " + EXAMPLES + ", but got '" + text + "': " + e.getMessage());
      }
    }

    private static LatencyDistribution parse(String text) {
      int colon = text.indexOf(':');
      String kind = colon < 0 ? "fixed" : text.substring(0, colon).toLowerCase(Locale.ROOT);
      String arguments = text.substring(colon + 1);
      return switch (kind) {
        case "fixed" -> new LatencyDistribution.Fixed(duration(arguments));
        case "uniform" -> uniform(arguments);
        case "lognormal" -> logNormal(arguments);
        default -> throw new IllegalArgumentException(
            "unknown distribution '" + kind + "', use fixed, uniform or lognormal");
      };
    }

    private static LatencyDistribution uniform(String arguments) {
      Duration[] bounds = twoDurations(arguments, "..", "uniform needs min..max");
      if (bounds[1].compareTo(bounds[0]) < 0) {
        throw new IllegalArgumentException("the max is below the min");
      }
      return new LatencyDistribution.Uniform(bounds[0], bounds[1]);
    }

    private static LatencyDistribution logNormal(String arguments) {
      Duration[] points = twoDurations(arguments, ",", "lognormal needs median,p99");
      if (points[0].isZero() || points[1].compareTo(points[0]) < 0) {
        throw new IllegalArgumentException("lognormal needs 0 < median <= p99");
      }
      return new LatencyDistribution.LogNormal(points[0], points[1]);
    }

    private static Duration[] twoDurations(String text, String separator, String shape) {
      String[] parts = text.split(Pattern.quote(separator), -1);
      if (parts.length != 2) {
        throw new IllegalArgumentException(shape);
      }
      return new Duration[] {duration(parts[0]), duration(parts[1])};
    }

    private static Duration duration(String text) {
      String trimmed = text.trim();
      if (!Quantities.isDuration(trimmed)) {
        throw new IllegalArgumentException(
            "'" + trimmed + "' is not a duration with a unit, like 500ms or 1.5s");
      }
      return Quantities.parseDuration(trimmed);
    }
  }

  /** Reads a share of requests as a fraction ({@code 0.01}) or a percentage ({@code 1%}). */
  static final class ShareConverter implements ITypeConverter<Double> {

    private static final Pattern FRACTION = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    @Override
    public Double convert(String text) {
      String trimmed = text.trim();
      double share;
      if (Quantities.isPercent(trimmed)) {
        share = Quantities.parsePercent(trimmed);
      } else if (FRACTION.matcher(trimmed).matches()) {
        share = Double.parseDouble(trimmed);
      } else {
        throw new TypeConversionException(
            "expected a share like 0.01 or a percentage like 1%, but got '" + text + "'");
      }
      if (share > 1) {
        throw new TypeConversionException(
            "expected a share between 0 and 1 (0% to 100%), like 0.01 or 1%, but got '"
                + text + "'");
      }
      return share;
    }
  }
}
