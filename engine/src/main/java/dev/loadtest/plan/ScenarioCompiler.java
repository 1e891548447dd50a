package dev.loadtest.plan;

import dev.loadtest.spec.ListNode;
import dev.loadtest.spec.MapNode;
import dev.loadtest.spec.ScalarNode;
import dev.loadtest.spec.SpecNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compiles {@code scenarios}: tasks, requests, templates, checks and think time. */
final class ScenarioCompiler {

  private final NodeReader reader;
  private final Map<String, String> environment;
  private final Map<String, String> globals;
  private final RequestNames names;
  private final LlmCompiler llm;
  private final CustomMetricsCompiler customMetrics;
  private LifecycleCompiler lifecycle;
  private RunFlows runFlows = RunFlows.NONE;

  ScenarioCompiler(NodeReader reader, Map<String, String> environment,
      Map<String, String> globals, RequestNames names) {
    this(reader, environment, globals, names, new LlmCompiler(reader, java.util.Optional.empty()),
        new CustomMetricsCompiler(reader, Set.of()));
  }

  /**
   * @param llm reads each request's LLM settings ({@code stream:}, {@code model:})
   * @param customMetrics reads each request's {@code metrics:}
   */
  ScenarioCompiler(NodeReader reader, Map<String, String> environment,
      Map<String, String> globals, RequestNames names, LlmCompiler llm,
      CustomMetricsCompiler customMetrics) {
    this.reader = reader;
    this.environment = environment;
    this.globals = globals;
    this.names = names;
    this.llm = llm;
    this.customMetrics = customMetrics;
  }

  List<ScenarioPlan> compile(MapNode root, LoadShares loads) {
    FlowCompiler flows = new FlowCompiler(reader, environment, this::request, this::pause,
        FlowCompiler.extractedNames(root), RateLimitPolicy.DEFAULT, customMetrics);
    lifecycle = new LifecycleCompiler(reader, flows, new FeederCompiler(reader).compile(root));
    runFlows = lifecycle.runFlows(root, globals);
    List<ScenarioPlan> scenarios = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (MapNode scenario : loads.selectedScenarios()) {
      String name = reader.text(scenario, "name", "?");
      if (!seen.add(name)) {
        reader.problem(scenario.field("name").orElseThrow(), "a scenario named '" + name
            + "' already exists: scenario names must be unique");
      }
      scenarios.add(scenario(scenario, name, scenarios.size(), loads.loadOf(scenario)));
    }
    return scenarios;
  }

  /** Setup, teardown and feeders, once {@link #compile} has run. */
  RunFlows runFlows() {
    return runFlows;
  }

  private ScenarioPlan scenario(MapNode node, String name, int index, LoadProfile load) {
    Map<String, String> variables = new LinkedHashMap<>(globals);
    variables.putAll(PlanCompiler.scenarioVariables(reader, node));
    LifecycleCompiler.ScenarioFlows flows = lifecycle.scenario(node, variables.keySet(), load);
    TemplateParser templates = new TemplateParser(flows.taskVariables(), environment);
    List<TaskPlan> tasks = new ArrayList<>();
    List<Integer> weights = new ArrayList<>();
    for (SpecNode task : reader.list(node, "tasks")) {
      MapNode taskNode = (MapNode) task;
      tasks.add(flows.compiler().task(taskNode, flows.taskVariables()));
      weights.add((int) reader.integer(taskNode, "weight", 1));
    }
    if (weights.stream().mapToInt(Integer::intValue).sum() == 0) {
      reader.problem(node.field("tasks").orElseThrow(),
          "every task has weight 0: give at least one a positive weight");
      weights.set(0, 1);
    }
    if (load instanceof ClosedLoad closed && !closed.pacing().isZero() && node.has("thinkTime")) {
      reader.problem(node.field("thinkTime").orElseThrow(), "set thinkTime or load.pacing, not"
          + " both: with pacing, the pause is whatever the iteration left of its interval");
    }
    return new ScenarioPlan(name, index, load, thinkTime(node),
        new WeightedTable<>(tasks, weights), headers(node, templates), variables,
        reader.duration(node, "startAfter").orElse(Duration.ZERO), flows.flows());
  }

  private RequestPlan request(MapNode node, TemplateParser templates) {
    HttpMethod method = HttpMethod.valueOf(reader.text(node, "method", "GET"));
    String pathText = reader.text(node, "path", "/");
    Template path = template(node.field("path").orElseThrow(), pathText, templates);
    String name = reader.text(node, "name", method + " " + pathText);
    List<RequestPlan.QueryParameter> query = new ArrayList<>();
    reader.map(node, "query").ifPresent(map -> map.fields().forEach((key, value) ->
        query.add(new RequestPlan.QueryParameter(key,
            template(value, ((ScalarNode) value).text(), templates)))));
    List<Check> checks = new ArrayList<>();
    StatusSet expectStatus = StatusSet.SUCCESSFUL;
    for (SpecNode check : reader.list(node, "checks")) {
      MapNode checkNode = (MapNode) check;
      if (checkNode.has("status")) {
        expectStatus = PlanCompiler.StatusSets.read(checkNode.field("status").orElseThrow());
      } else {
        checks.add(check(checkNode));
      }
    }
    return new RequestPlan(name, names.keyOf(name), method, path, query,
        headers(node, templates), body(node, templates),
        reader.duration(node, "timeout").orElse(Duration.ZERO), checks, expectStatus,
        llm.forRequest(node));
  }

  private Template template(SpecNode node, String text, TemplateParser templates) {
    try {
      return templates.parse(text);
    } catch (IllegalArgumentException e) {
      reader.problem(node, e.getMessage());
      return Template.literal(text);
    }
  }

  private List<HeaderTemplate> headers(MapNode node, TemplateParser templates) {
    List<HeaderTemplate> headers = new ArrayList<>();
    reader.map(node, "headers").ifPresent(map -> map.fields().forEach((name, value) ->
        headers.add(new HeaderTemplate(name,
            template(value, ((ScalarNode) value).text(), templates)))));
    return headers;
  }

  private Body body(MapNode node, TemplateParser templates) {
    if (node.has("json")) {
      return new Body.Json(json(node.field("json").orElseThrow(), templates));
    }
    if (node.has("body")) {
      ScalarNode body = reader.scalar(node, "body").orElseThrow();
      return new Body.Text(template(body, body.text(), templates),
          reader.text(node, "contentType", "text/plain; charset=utf-8"));
    }
    return new Body.None();
  }

  private JsonTemplate json(SpecNode node, TemplateParser templates) {
    if (node instanceof MapNode map) {
      List<JsonTemplate.Member> members = new ArrayList<>();
      map.fields().forEach((key, value) ->
          members.add(new JsonTemplate.Member(key, json(value, templates))));
      return new JsonTemplate.JsonObject(members);
    }
    if (node instanceof ListNode list) {
      return new JsonTemplate.JsonArray(
          list.elements().stream().map(element -> json(element, templates)).toList());
    }
    ScalarNode scalar = (ScalarNode) node;
    return switch (scalar.type()) {
      case STRING -> new JsonTemplate.JsonText(template(scalar, scalar.text(), templates));
      case INTEGER -> new JsonTemplate.JsonLiteral(Long.toString(scalar.asLong()));
      case FLOAT -> new JsonTemplate.JsonLiteral(jsonNumber(scalar));
      case BOOLEAN -> new JsonTemplate.JsonLiteral(Boolean.toString(scalar.asBoolean()));
      case NULL -> new JsonTemplate.JsonLiteral("null");
    };
  }

  private String jsonNumber(ScalarNode scalar) {
    double value = scalar.asDouble();
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      reader.problem(scalar, "JSON has no NaN or infinity; write a finite number");
      return "0";
    }
    return Double.toString(value);
  }

  private Check check(MapNode node) {
    if (node.has("bodyContains")) {
      return new Check.BodyContains(reader.text(node, "bodyContains", ""));
    }
    if (node.has("jsonErrorField")) {
      return new Check.JsonErrorField(reader.text(node, "jsonErrorField", "error"));
    }
    JsonPath path = JsonPath.parse(reader.text(node, "jsonPath", "$"));
    if (node.has("exists")) {
      return new Check.JsonPathExists(path, reader.bool(node, "exists", true));
    }
    ScalarNode expected = reader.scalar(node, "equals").orElseThrow();
    Object value = switch (expected.type()) {
      case INTEGER -> expected.asLong();
      case FLOAT -> expected.asDouble();
      case BOOLEAN -> expected.asBoolean();
      case STRING, NULL -> expected.text();
    };
    return new Check.JsonPathEquals(path, value,
        expected.type() == ScalarNode.ScalarType.NULL);
  }

  private ThinkTime thinkTime(MapNode scenario) {
    if (!scenario.has("thinkTime")) {
      return new ThinkTime.None();
    }
    return pause(scenario.field("thinkTime").orElseThrow());
  }

  /** A pause written as a duration or as a distribution. */
  private ThinkTime pause(SpecNode node) {
    if (node instanceof ScalarNode scalar) {
      return new ThinkTime.Constant(reader.duration(scalar));
    }
    MapNode map = (MapNode) node;
    if (map.has("constant")) {
      return new ThinkTime.Constant(reader.duration(map, "constant").orElseThrow());
    }
    if (map.has("uniform")) {
      MapNode uniform = reader.map(map, "uniform").orElseThrow();
      Duration min = reader.duration(uniform, "min").orElseThrow();
      Duration max = reader.duration(uniform, "max").orElseThrow();
      if (max.compareTo(min) < 0) {
        reader.problem(uniform, "max " + max + " is below min " + min);
        return new ThinkTime.Constant(min);
      }
      return new ThinkTime.Uniform(min, max);
    }
    MapNode exponential = reader.map(map, "exponential").orElseThrow();
    Duration mean = reader.duration(exponential, "mean").orElseThrow();
    if (mean.isZero()) {
      reader.problem(exponential, "the mean must be above zero");
      return new ThinkTime.None();
    }
    // Ten means: the cap cuts off under 0.005% of draws.
    Duration max = reader.duration(exponential, "max").orElse(mean.multipliedBy(10));
    return new ThinkTime.Exponential(mean, max);
  }
}
