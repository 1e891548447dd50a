package dev.loadtest.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loadtest.spec.SpecDocument;
import dev.loadtest.spec.SpecException;
import dev.loadtest.spec.SpecLoader;
import dev.loadtest.spec.SpecProblem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Shared helpers for the plan tests: compiling YAML text, overrides, a template context. */
final class PlanFixtures {

  /** The seed the compiler uses when the spec sets none. */
  static final long SEED_IF_UNSET = 7L;

  private PlanFixtures() {}

  /** Loads and compiles a spec written as YAML text, with an empty environment. */
  static TestPlan compile(String yaml) throws SpecException {
    return compile(yaml, Overrides.NONE, Map.of());
  }

  static TestPlan compile(String yaml, Overrides overrides) throws SpecException {
    return compile(yaml, overrides, Map.of());
  }

  static TestPlan compile(String yaml, Overrides overrides, Map<String, String> environment)
      throws SpecException {
    SpecDocument document = new SpecLoader(Map.of())
        .loadTexts(List.of(Map.entry("test.yaml", yaml)), List.of());
    return new PlanCompiler(environment).compile(document, overrides, SEED_IF_UNSET);
  }

  /** The problems compiling must report; fails the test if the spec compiles. */
  static List<SpecProblem> problems(String yaml, Overrides overrides) {
    SpecException thrown =
        catchThrowableOfType(SpecException.class, () -> compile(yaml, overrides));
    assertThat(thrown).as("expected the spec to be rejected").isNotNull();
    return thrown.problems();
  }

  /** The messages of the problems compiling reports, in order. */
  static List<String> messages(String yaml, Overrides overrides) {
    return problems(yaml, overrides).stream().map(SpecProblem::message).toList();
  }

  static List<String> messages(String yaml) {
    return messages(yaml, Overrides.NONE);
  }

  static Overrides users(int users) {
    return new Overrides(OptionalInt.of(users), Optional.empty(), OptionalDouble.empty(),
        Optional.empty(), List.of());
  }

  static Overrides duration(Duration duration) {
    return new Overrides(OptionalInt.empty(), Optional.of(duration), OptionalDouble.empty(),
        Optional.empty(), List.of());
  }

  static Overrides scenarios(String... names) {
    return new Overrides(OptionalInt.empty(), Optional.empty(), OptionalDouble.empty(),
        Optional.empty(), List.of(names));
  }

  static Overrides rampUpRate(double usersPerSecond) {
    return new Overrides(OptionalInt.empty(), Optional.empty(),
        OptionalDouble.of(usersPerSecond), Optional.empty(), List.of());
  }

  static Overrides rampUpTime(Duration time) {
    return new Overrides(OptionalInt.empty(), Optional.empty(), OptionalDouble.empty(),
        Optional.of(time), List.of());
  }

  /** The scenario of that name; fails the test if there is none. */
  static ScenarioPlan scenario(TestPlan plan, String name) {
    return plan.scenarios().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no scenario " + name + " in " + plan.describe()));
  }

  /** The closed profile of a scenario. */
  static ClosedLoad load(TestPlan plan, String name) {
    return (ClosedLoad) scenario(plan, name).load();
  }

  /** The first request of the first task of a scenario. */
  static RequestPlan firstRequest(TestPlan plan, String scenario) {
    return (RequestPlan) scenario(plan, scenario).tasks().item(0).steps().get(0);
  }

  /** A template context with a seeded random source, fixed variables and a fixed clock. */
  static TemplateContext context(long seed, Map<String, String> variables, long epochMillis) {
    RandomGenerator random = new SplittableRandom(seed);
    return new TemplateContext() {
      @Override
      public RandomGenerator random() {
        return random;
      }

      @Override
      public String variable(String name) {
        String value = variables.get(name);
        if (value == null) {
          throw new AssertionError("the test context has no variable " + name);
        }
        return value;
      }

      @Override
      public long epochMillis() {
        return epochMillis;
      }
    };
  }

  static TemplateContext context(long seed) {
    return context(seed, Map.of(), 0);
  }
}
