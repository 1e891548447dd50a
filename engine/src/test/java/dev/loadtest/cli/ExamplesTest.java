package dev.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every spec a user can copy from the repository must validate: examples, overlays, docs. */
class ExamplesTest {

  private static final Path ROOT = Path.of(System.getProperty("loadtest.repository.root", ".."));
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

  @TempDir
  Path scratch;

  @TestFactory
  Stream<DynamicTest> everyExampleValidates() throws IOException {
    List<Path> examples = list(ROOT.resolve("examples"), 1);
    assertThat(examples).extracting(path -> path.getFileName().toString())
        .contains("quickstart.yaml", "single-tenant.yaml", "multi-tenant.yaml",
            "enterprise.yaml", "high-frequency.yaml", "ecommerce.yaml", "finance.yaml",
            "healthcare.yaml");
    return examples.stream().map(example -> DynamicTest.dynamicTest(
        example.getFileName().toString(), () -> assertValid("-f", example.toString())));
  }

  @TestFactory
  Stream<DynamicTest> everyProfileOverlaysTheEnterpriseSpec() throws IOException {
    List<Path> profiles = list(ROOT.resolve("examples/profiles"), 1);
    assertThat(profiles).extracting(path -> path.getFileName().toString())
        .contains("smoke.yaml", "load.yaml", "stress.yaml", "peak.yaml");
    String base = ROOT.resolve("examples/enterprise.yaml").toString();
    return profiles.stream().map(profile -> DynamicTest.dynamicTest(
        profile.getFileName().toString(), () -> assertValid("-f", base, "-f",
            profile.toString())));
  }

  @TestFactory
  Stream<DynamicTest> everyFullSpecInTheDocsValidates() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path doc : list(ROOT.resolve("docs"), 3)) {
      if (!doc.toString().endsWith(".md")) {
        continue;
      }
      Matcher block = YAML_BLOCK.matcher(Files.readString(doc));
      for (int index = 0; block.find(); index++) {
        String yaml = block.group(1);
        // Fragments illustrate one key; full specs (name + target + scenarios) must run.
        if (yaml.contains("\nscenarios:") && yaml.startsWith("name:")
            || yaml.contains("\nname:") && yaml.contains("\ntarget:")
            && yaml.contains("\nscenarios:")) {
          Path file = scratch.resolve(doc.getFileName() + "-" + index + ".yaml");
          Files.writeString(file, yaml);
          tests.add(DynamicTest.dynamicTest(doc.getFileName() + " block " + index,
              () -> assertValid("-f", file.toString())));
        }
      }
    }
    assertThat(tests).as("docs hold at least one full spec").isNotEmpty();
    return tests.stream();
  }

  private static void assertValid(String... fileArguments) {
    List<String> args = new ArrayList<>(List.of("validate"));
    args.addAll(List.of(fileArguments));
    CommandLineRunner.Outcome outcome = CommandLineRunner.run(args.toArray(String[]::new));
    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
  }

  private static List<Path> list(Path directory, int depth) throws IOException {
    try (Stream<Path> files = Files.walk(directory, depth)) {
      return files.filter(Files::isRegularFile)
          .filter(path -> !path.getFileName().toString().startsWith("."))
          .sorted().toList();
    }
  }
}
