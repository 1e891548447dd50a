package dev.loadtest.plan;

import dev.loadtest.spec.ListNode;
import dev.loadtest.spec.MapNode;
import dev.loadtest.spec.ScalarNode;
import dev.loadtest.spec.SpecNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles the steps of tasks, lifecycle flows, setup and teardown: requests with their
 * extractions, pauses, polls, repeats and conditionals. Follows the steps in the order they are
 * written, so a template that reads a variable no earlier step extracts is a spec error.
 *
 * <p>Known variables grow in document order: a value extracted inside a conditional branch or a
 * repeat is known to every later step, though at run time it may be unset (it then renders as
 * empty text).
 */
final class FlowCompiler {

  static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
  static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofSeconds(60);
  static final int DEFAULT_MAX_REPEATS = 100;

  private final NodeReader reader;
  private final Map<String, String> environment;
  private final BiFunction<MapNode, TemplateParser, RequestPlan> requests;
  private final Function<SpecNode, ThinkTime> pauses;
  private final Set<String> extractedAnywhere;
  private final RateLimitPolicy rateLimitDefault;
  private final CustomMetricsCompiler customMetrics;

  /**
   * @param requests compiles a request's own keys with the given templates
   * @param pauses compiles a think time written as a duration or a distribution
   * @param extractedAnywhere every variable any step of the spec extracts, for messages
   * @param rateLimitDefault the policy of requests that set none
   * @param customMetrics compiles each request's {@code metrics:} and gathers what they declare
   */
  FlowCompiler(NodeReader reader, Map<String, String> environment,
      BiFunction<MapNode, TemplateParser, RequestPlan> requests,
      Function<SpecNode, ThinkTime> pauses, Set<String> extractedAnywhere,
      RateLimitPolicy rateLimitDefault, CustomMetricsCompiler customMetrics) {
    this.reader = reader;
    this.environment = environment;
    this.requests = requests;
    this.pauses = pauses;
    this.extractedAnywhere = extractedAnywhere;
    this.rateLimitDefault = rateLimitDefault;
    this.customMetrics = customMetrics;
  }

  /** The same compiler with another default for 429s, for a scenario that sets one. */
  FlowCompiler withRateLimitDefault(RateLimitPolicy policy) {
    return new FlowCompiler(reader, environment, requests, pauses, extractedAnywhere, policy,
        customMetrics);
  }

  /** A task: {@code request}, {@code requests} (independent) or {@code steps} (a flow). */
  TaskPlan task(MapNode node, Set<String> known) {
    Set<String> scope = new HashSet<>(known);
    String name = reader.text(node, "name", "?");
    if (node.has("steps")) {
      return new TaskPlan(name, steps(reader.list(node, "steps"), scope), true);
    }
    List<Step> steps = new ArrayList<>();
    reader.map(node, "request").ifPresent(request -> steps.add(request(request, scope)));
    for (SpecNode request : reader.list(node, "requests")) {
      steps.add(request((MapNode) request, scope));
    }
    return new TaskPlan(name, steps);
  }

  /** Steps in order; {@code known} gains what they extract. */
  List<Step> steps(List<SpecNode> items, Set<String> known) {
    List<Step> steps = new ArrayList<>();
    for (SpecNode item : items) {
      steps.add(step((MapNode) item, known));
    }
    return steps;
  }

  private Step step(MapNode node, Set<String> known) {
    if (node.has("request")) {
      return request(reader.map(node, "request").orElseThrow(), known);
    }
    if (node.has("think")) {
      return new ThinkStep(pauses.apply(node.field("think").orElseThrow()));
    }
    if (node.has("poll")) {
      return poll(reader.map(node, "poll").orElseThrow(), known);
    }
    if (node.has("repeat")) {
      return repeat(reader.map(node, "repeat").orElseThrow(), known);
    }
    return conditional(node, known);
  }

  private RequestPlan request(MapNode node, Set<String> known) {
    RequestPlan plan = requests.apply(node, parser(known));
    ResponseHandling handling = handling(node);
    handling.extractions().forEach(extraction -> known.add(extraction.variable()));
    return plan.withHandling(handling);
  }

  private TemplateParser parser(Set<String> known) {
    Set<String> later = new HashSet<>(extractedAnywhere);
    later.removeAll(known);
    return new TemplateParser(known, environment, later);
  }

  private PollStep poll(MapNode node, Set<String> known) {
    RequestPlan request = request(reader.map(node, "request").orElseThrow(), known);
    MapNode until = reader.map(node, "until").orElseThrow();
    Condition.JsonPathIn condition = new Condition.JsonPathIn(
        JsonPath.parse(reader.text(until, "jsonPath", "$")), values(until, "equals", "in"));
    Duration interval = reader.duration(node, "interval").orElse(DEFAULT_POLL_INTERVAL);
    Duration timeout = reader.duration(node, "timeout").orElse(DEFAULT_POLL_TIMEOUT);
    if (timeout.compareTo(interval) < 0) {
      reader.problem(node.field("timeout").orElse(node), "the timeout " + format(timeout)
          + " is shorter than the interval " + format(interval) + ": the poll could only run"
          + " once");
    }
    return new PollStep(request, condition, interval, timeout);
  }

  private static String format(Duration duration) {
    return dev.loadtest.spec.Quantities.formatDuration(duration);
  }

  private RepeatStep repeat(MapNode node, Set<String> known) {
    Optional<Condition.VariableIn> whileHolds = reader.map(node, "while")
        .map(condition -> variableCondition(condition, known));
    long times = reader.integer(node, "times", whileHolds.isPresent() ? DEFAULT_MAX_REPEATS : 1);
    List<Step> body = steps(reader.list(node, "steps"), known);
    return new RepeatStep((int) times, whileHolds, body);
  }

  private ConditionalStep conditional(MapNode node, Set<String> known) {
    Condition.VariableIn condition =
        variableCondition(reader.map(node, "if").orElseThrow(), known);
    List<Step> then = steps(reader.list(node, "then"), known);
    List<Step> otherwise = steps(reader.list(node, "else"), known);
    return new ConditionalStep(condition, then, otherwise);
  }

  private Condition.VariableIn variableCondition(MapNode node, Set<String> known) {
    ScalarNode variable = reader.scalar(node, "variable").orElseThrow();
    TemplateParser parser = parser(known);
    if (!parser.knows(variable.text())) {
      reader.problem(variable, parser.unknownVariable(variable.text()));
    }
    boolean negated = node.has("notEquals") || node.has("notIn");
    List<String> values = negated ? values(node, "notEquals", "notIn")
        : values(node, "equals", "in");
    return new Condition.VariableIn(variable.text(), values, negated);
  }

  /** The value of {@code single}, or the values of the list {@code many}, as text. */
  private List<String> values(MapNode node, String single, String many) {
    if (node.has(single)) {
      return List.of(text(node.field(single).orElseThrow()));
    }
    return reader.list(node, many).stream().map(FlowCompiler::text).toList();
  }

  /** JSON text of a scalar: numbers and booleans as written, strings as they are. */
  private static String text(SpecNode node) {
    ScalarNode scalar = (ScalarNode) node;
    return switch (scalar.type()) {
      case INTEGER -> Long.toString(scalar.asLong());
      case BOOLEAN -> Boolean.toString(scalar.asBoolean());
      case NULL -> "null";
      default -> scalar.text();
    };
  }

  /** A request's extractions, rate-limit policy and custom metrics. */
  ResponseHandling handling(MapNode request) {
    List<Extraction> extractions = new ArrayList<>();
    reader.map(request, "extract").ifPresent(map -> map.fields().forEach((variable, how) ->
        extraction(variable, how).ifPresent(extractions::add)));
    return new ResponseHandling(extractions, rateLimit(request, rateLimitDefault),
        customMetrics.recordings(request));
  }

  private Optional<Extraction> extraction(String variable, SpecNode how) {
    if (TemplateParser.BUILT_IN_VARIABLES.contains(variable)) {
      reader.problem(how, "'" + variable + "' is a built-in variable; extract into another name");
      return Optional.empty();
    }
    if (how instanceof ScalarNode path) {
      return Optional.of(new Extraction.FromJsonPath(variable, JsonPath.parse(path.text())));
    }
    MapNode map = (MapNode) how;
    if (map.has("jsonPath")) {
      return Optional.of(new Extraction.FromJsonPath(variable,
          JsonPath.parse(reader.text(map, "jsonPath", "$"))));
    }
    if (map.has("header")) {
      return Optional.of(new Extraction.FromHeader(variable, reader.text(map, "header", "")));
    }
    return regex(variable, map);
  }

  private Optional<Extraction> regex(String variable, MapNode map) {
    ScalarNode source = reader.scalar(map, "regex").orElseThrow();
    try {
      Pattern pattern = Pattern.compile(source.text());
      int group = (int) reader.integer(map, "group", pattern.matcher("").groupCount() > 0 ? 1 : 0);
      if (group > pattern.matcher("").groupCount()) {
        reader.problem(map, "the regex has " + pattern.matcher("").groupCount()
            + " group(s), there is no group " + group);
        return Optional.empty();
      }
      return Optional.of(new Extraction.FromRegex(variable, pattern, group));
    } catch (PatternSyntaxException e) {
      reader.problem(source, "not a regular expression: " + e.getDescription());
      return Optional.empty();
    }
  }

  /** {@code rateLimited} and {@code retry} of a request or a scenario, over a fallback. */
  RateLimitPolicy rateLimit(MapNode node, RateLimitPolicy fallback) {
    boolean success = node.has("rateLimited")
        ? reader.text(node, "rateLimited", "failure").equals("success")
        : fallback.countAsSuccess();
    Optional<MapNode> retry = reader.map(node, "retry");
    if (retry.isEmpty()) {
      return new RateLimitPolicy(success, fallback.retries(), fallback.maxWait());
    }
    return new RateLimitPolicy(success, (int) reader.integer(retry.get(), "times", 1),
        reader.duration(retry.get(), "maxWait").orElse(RateLimitPolicy.DEFAULT.maxWait()));
  }

  /** Every variable an {@code extract} anywhere under {@code node} names. */
  static Set<String> extractedNames(SpecNode node) {
    Set<String> names = new HashSet<>();
    collectExtracted(node, names);
    return names;
  }

  private static void collectExtracted(SpecNode node, Set<String> names) {
    if (node instanceof MapNode map) {
      map.fields().forEach((key, value) -> {
        if (key.equals("extract") && value instanceof MapNode extract) {
          names.addAll(extract.fields().keySet());
        }
        collectExtracted(value, names);
      });
    } else if (node instanceof ListNode list) {
      list.elements().forEach(element -> collectExtracted(element, names));
    }
  }
}
