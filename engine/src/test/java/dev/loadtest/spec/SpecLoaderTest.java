package dev.loadtest.spec;

import static dev.loadtest.spec.SpecFixtures.MINIMAL;
import static dev.loadtest.spec.SpecFixtures.find;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on realistic specs: the quick-start passes, mistakes come all at once. */
class SpecLoaderTest {

  @TempDir
  Path directory;

  private static String quickstart() throws Exception {
    try (InputStream in = SpecLoaderTest.class.getResourceAsStream("/spec/quickstart.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void schemaAcceptsTheQuickstartSpec() throws Exception {
    Path file = Files.writeString(directory.resolve("quickstart.yaml"), quickstart());

    SpecDocument document = new SpecLoader(Map.of()).load(List.of(file), List.of());

    assertThat(((ScalarNode) find(document.root(), "target.baseUrl")).text()).isEqualTo("mock");
    assertThat(((ScalarNode) find(document.root(), "scenarios[0].tasks[0].request.query.page"))
        .text()).isEqualTo("${randomInt(1, 5)}");
    assertThat(document.mainFile()).isEqualTo(file.toString());
  }

  @Test
  void schemaIsReadFromTheClasspath() {
    assertThat(SpecLoader.class.getResource(SpecSchema.RESOURCE)).isNotNull();
  }

  @Test
  void hashOfOneFileIsTheFileHash() throws Exception {
    Path file = Files.writeString(directory.resolve("spec.yaml"), MINIMAL);
    byte[] bytes = Files.readAllBytes(file);

    SpecDocument document = new SpecLoader(Map.of()).load(List.of(file), List.of());

    String expected = HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    assertThat(document.sha256()).isEqualTo(expected);
  }

  @Test
  void hashChangesWithOverlaysAndSets() throws Exception {
    Path file = Files.writeString(directory.resolve("spec.yaml"), MINIMAL);
    Path overlay = Files.writeString(directory.resolve("ci.yaml"), "load: {users: 1}\n");
    SpecLoader loader = new SpecLoader(Map.of());

    String alone = loader.load(List.of(file), List.of()).sha256();
    String overlaid = loader.load(List.of(file, overlay), List.of()).sha256();
    String set = loader.load(List.of(file, overlay), List.of("load.users=2")).sha256();

    assertThat(List.of(alone, overlaid, set)).doesNotHaveDuplicates()
        .allMatch(hash -> hash.matches("[0-9a-f]{64}"));
  }

  @Test
  void reportsEveryProblemSortedByPlace() throws Exception {
    // Mistakes written out of order across two files and a --set item.
    String base = MINIMAL.replace("request: {path: /}", "request: {path: /, method: GETT}")
        + "load:\n  users: ten\n  usres: 1\n";
    Path basePath = Files.writeString(directory.resolve("base.yaml"), base);
    Path overlay = Files.writeString(directory.resolve("ci.yaml"), "target:\n  http: 3\n");

    List<SpecProblem> problems = SpecFixtures.problemsOf(() -> new SpecLoader(Map.of())
        .load(List.of(basePath, overlay), List.of("load.hold=10")));

    assertThat(problems).extracting(p -> fileName(p) + ":" + p.location().line() + ":"
        + p.location().column() + " " + p.path()).containsExactly(
            "base.yaml:8:36 scenarios[0].tasks[0].request.method",
            "base.yaml:10:10 load.users",
            "base.yaml:11:3 load.usres",
            "ci.yaml:2:9 target.http",
            "--set:1:11 load.hold");
  }

  private static String fileName(SpecProblem problem) {
    String name = problem.location().source().displayName();
    return name.substring(name.lastIndexOf('/') + 1);
  }
}
