package dev.loadtest.plan;

import dev.loadtest.spec.MapNode;
import dev.loadtest.spec.ScalarNode;
import dev.loadtest.spec.SpecDocument;
import dev.loadtest.spec.SpecException;
import dev.loadtest.spec.SpecNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles a schema-checked spec into an immutable {@link TestPlan}, checking what a schema
 * cannot: names that must exist, values that must agree, templates that must parse. Reports every
 * problem at once.
 */
public final class PlanCompiler {

  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** LLM calls take seconds; a minute keeps slow answers measured instead of cut off. */
  static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
  static final Duration DEFAULT_PREFLIGHT_TIMEOUT = Duration.ofSeconds(10);

  private final Map<String, String> environment;

  /** @param environment read by {@code ${env(NAME)}} templates */
  public PlanCompiler(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * @param seedIfUnset the seed to use when the spec sets none (the CLI draws and prints one)
   * @throws SpecException listing every problem found
   */
  public TestPlan compile(SpecDocument document, Overrides overrides, long seedIfUnset)
      throws SpecException {
    NodeReader reader = new NodeReader();
    MapNode root = document.root();
    TargetPlan target = target(reader, root);
    Preflight preflight = preflight(reader, root);
    Map<String, String> globals = variables(reader, root);
    RequestNames names = new RequestNames();
    LoadShares loads = new LoadShares(reader, root, overrides);
    LlmCompiler llm = new LlmCompiler(reader, Optional.of(root));
    CustomMetricsCompiler customCompiler = new CustomMetricsCompiler(reader,
        CustomMetricsCompiler.constantLabels(reader, root));
    ScenarioCompiler scenarioCompiler =
        new ScenarioCompiler(reader, environment, globals, names, llm, customCompiler);
    List<ScenarioPlan> scenarios = scenarioCompiler.compile(root, loads);
    CustomMetrics customMetrics = customCompiler.build();
    List<Threshold> thresholds = new ThresholdCompiler(reader, names, customMetrics)
        .compile(root);
    if (!reader.problems().isEmpty()) {
      throw new SpecException(reader.problems());
    }
    long seed = reader.scalar(root, "seed").map(ScalarNode::asLong).orElse(seedIfUnset);
    return new TestPlan(reader.text(root, "name", "unnamed"), document.sha256(), seed, target,
        preflight, scenarios, names.all(), thresholds, llm.scores(),
        scenarioCompiler.runFlows(), customMetrics);
  }

  private static TargetPlan target(NodeReader reader, MapNode root) {
    MapNode target = reader.map(root, "target").orElseThrow();
    String baseUrl = reader.text(target, "baseUrl", "mock");
    Endpoint endpoint = baseUrl.equals("mock")
        ? new Endpoint.BuiltInMock(MockCompiler.compile(reader, root))
        : new Endpoint.Remote(baseUri(reader, target, baseUrl));
    return new TargetPlan(
        endpoint,
        headers(reader, target),
        reader.duration(target, "connectTimeout").orElse(DEFAULT_CONNECT_TIMEOUT),
        reader.duration(target, "requestTimeout").orElse(DEFAULT_REQUEST_TIMEOUT),
        (int) reader.integer(target, "maxConnections", 0),
        reader.text(target, "http", "1.1").equals("2")
            ? TargetPlan.HttpVersion.HTTP_2 : TargetPlan.HttpVersion.HTTP_1_1,
        reader.bool(target, "followRedirects", false));
  }

  private static URI baseUri(NodeReader reader, MapNode target, String baseUrl) {
    try {
      URI uri = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1)
          : baseUrl);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      reader.problem(target.field("baseUrl").orElseThrow(),
          "expected a URL like http://localhost:8000, or 'mock', got '" + baseUrl + "'");
      return URI.create("http://invalid");
    }
  }

  /** Header values are literal here: templates in target headers are rendered per request. */
  static List<HeaderTemplate> headers(NodeReader reader, MapNode parent) {
    List<HeaderTemplate> headers = new ArrayList<>();
    reader.map(parent, "headers").ifPresent(map -> map.fields().forEach((name, value) ->
        headers.add(new HeaderTemplate(name, Template.literal(((ScalarNode) value).text())))));
    return headers;
  }

  private static Preflight preflight(NodeReader reader, MapNode root) {
    Optional<MapNode> preflight = reader.map(root, "preflight");
    if (preflight.isEmpty()) {
      return new Preflight.None();
    }
    MapNode node = preflight.get();
    return new Preflight.HttpPreflight(
        HttpMethod.valueOf(reader.text(node, "method", "GET")),
        reader.text(node, "path", "/"),
        headers(reader, node),
        node.field("expectStatus").map(StatusSets::read).orElse(StatusSet.SUCCESSFUL),
        reader.duration(node, "timeout").orElse(DEFAULT_PREFLIGHT_TIMEOUT));
  }

  private static Map<String, String> variables(NodeReader reader, MapNode parent) {
    Map<String, String> variables = new LinkedHashMap<>();
    reader.map(parent, "variables").ifPresent(map -> map.fields().forEach((name, value) ->
        variables.put(name, ((ScalarNode) value).text())));
    return variables;
  }

  static Map<String, String> scenarioVariables(NodeReader reader, MapNode scenario) {
    return variables(reader, scenario);
  }

  /** Reads a status set node: a code, a class like 2xx, or a list of them. */
  static final class StatusSets {
    private StatusSets() {}

    static StatusSet read(SpecNode node) {
      List<String> items = new ArrayList<>();
      if (node instanceof dev.loadtest.spec.ListNode list) {
        list.elements().forEach(element -> items.add(((ScalarNode) element).text()));
      } else {
        items.add(((ScalarNode) node).text());
      }
      return StatusSet.parse(items);
    }
  }
}
