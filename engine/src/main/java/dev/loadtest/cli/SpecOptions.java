package dev.loadtest.cli;

import dev.loadtest.plan.Overrides;
import dev.loadtest.spec.Quantities;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The options that choose a spec and change it, shared by {@code run} and {@code validate}. */
final class SpecOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = {"-f", "--file"}, required = true, paramLabel = "SPEC",
      description = "Spec file; repeat to add overlays, merged in order (later wins).")
  List<Path> files = new ArrayList<>();

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "Set a spec value, e.g. --set load.users=50 or --set scenarios[0].weight=3.")
  List<String> sets = new ArrayList<>();

  @Option(names = {"-u", "--users"}, paramLabel = "N",
      description = "Total virtual users, shared among scenarios in the spec's proportions.")
  Integer users;

  @Option(names = {"-t", "--duration"}, paramLabel = "TIME",
      description = "Total length of the run (e.g. 5m); the hold stage takes what the ramps leave.")
  String duration;

  @Option(names = {"-r", "--ramp-up"}, paramLabel = "RATE|TIME",
      description = "Users started per second (e.g. 10), or the time to start them all (30s).")
  String rampUp;

  @Option(names = "--rate", paramLabel = "PER_SECOND",
      description = "Peak arrival rate of the open-model scenarios together (e.g. 200); each"
          + " keeps its share.")
  Double rate;

  @Option(names = {"-s", "--scenario", "--user-class"}, paramLabel = "NAME",
      description = "Run only this scenario; repeat for several.")
  List<String> scenarios = new ArrayList<>();

  @Option(names = {"-H", "--host"}, paramLabel = "URL",
      description = "Target base URL; wins over LOAD_TEST_HOST, which wins over the spec.")
  String host;

  /** The {@code --set} items, preceded by the host from the environment and --host. */
  List<String> effectiveSets(Map<String, String> environment) {
    List<String> all = new ArrayList<>();
    String fromEnvironment = environment.get("LOAD_TEST_HOST");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      all.add("target.baseUrl=" + fromEnvironment.trim());
    }
    if (host != null) {
      all.add("target.baseUrl=" + host.trim());
    }
    all.addAll(sets);
    return all;
  }

  Overrides overrides() {
    if (users != null && users < 0) {
      throw usage("--users must be 0 or more, like --users 50; got " + users);
    }
    return new Overrides(
        users == null ? OptionalInt.empty() : OptionalInt.of(users),
        Optional.ofNullable(duration).map(text -> duration("--duration", text)),
        rampUpRate(),
        rampUp != null && Quantities.isDuration(rampUp)
            ? Optional.of(duration("--ramp-up", rampUp)) : Optional.empty(),
        scenarios,
        rate == null ? OptionalDouble.empty() : OptionalDouble.of(positiveRate()));
  }

  private double positiveRate() {
    if (!(rate > 0) || rate.isInfinite()) {
      throw usage("--rate takes arrivals per second above 0, like --rate 200; got " + rate);
    }
    return rate;
  }

  private OptionalDouble rampUpRate() {
    if (rampUp == null || Quantities.isDuration(rampUp)) {
      return OptionalDouble.empty();
    }
    try {
      double rate = Double.parseDouble(rampUp);
      if (rate > 0) {
        return OptionalDouble.of(rate);
      }
    } catch (NumberFormatException e) {
      // Reported below with the accepted forms.
    }
    throw usage("--ramp-up takes users per second (like 10) or a time (like 30s); got '"
        + rampUp + "'");
  }

  private Duration duration(String option, String text) {
    try {
      return Quantities.parseDuration(text);
    } catch (IllegalArgumentException e) {
      throw usage(option + ": " + e.getMessage());
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(command.commandLine(), message);
  }
}
