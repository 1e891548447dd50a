package dev.loadtest.spec;

import static dev.loadtest.spec.SpecFixtures.MINIMAL;
import static dev.loadtest.spec.SpecFixtures.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Base file plus overlays: deep merge of mappings, replacement of the rest, locations kept. */
class OverlayMergeTest {

  private static final String BASE = MINIMAL + """
      load:
        users: 10
        hold: 1m
      thresholds:
        - {metric: rps, above: 1}
        - {metric: errorRate, below: 1%}
      """;

  private static final String OVERLAY = """
      load:
        users: 50
      thresholds:
        - {metric: latency.p95, below: 2s}
      """;

  @TempDir
  Path directory;

  private SpecDocument loadFiles(String base, String overlay) throws IOException, SpecException {
    Path basePath = Files.writeString(directory.resolve("base.yaml"), base);
    Path overlayPath = Files.writeString(directory.resolve("ci.yaml"), overlay);
    return new SpecLoader(Map.of()).load(List.of(basePath, overlayPath), List.of());
  }

  @Test
  void mappingsMergeKeyByKey() throws Exception {
    MapNode root = loadFiles(BASE, OVERLAY).root();

    assertThat(((ScalarNode) find(root, "load.users")).asLong()).isEqualTo(50);
    assertThat(((ScalarNode) find(root, "load.hold")).text()).isEqualTo("1m");
    assertThat(((ScalarNode) find(root, "name")).text()).isEqualTo("t");
  }

  @Test
  void listsAreReplacedWhole() throws Exception {
    MapNode root = loadFiles(BASE, OVERLAY).root();

    ListNode thresholds = (ListNode) find(root, "thresholds");
    assertThat(thresholds.elements()).hasSize(1);
    assertThat(((ScalarNode) find(root, "thresholds[0].metric")).text())
        .isEqualTo("latency.p95");
  }

  @Test
  void nodesKeepTheFileThatWroteThem() throws Exception {
    MapNode root = loadFiles(BASE, OVERLAY).root();

    assertThat(find(root, "load.users").location().describe()).endsWith("ci.yaml:2:10");
    assertThat(find(root, "load.hold").location().describe()).endsWith("base.yaml:11:9");
    MapNode load = (MapNode) find(root, "load");
    assertThat(load.keyLocation("users").describe()).endsWith("ci.yaml:2:3");
  }

  @Test
  void errorInOverlayPointsIntoTheOverlay() throws Exception {
    SpecException thrown = catchThrowableOfType(SpecException.class,
        () -> loadFiles(BASE, "load:\n  users: many\n"));

    assertThat(thrown.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.location().source().displayName()).endsWith("ci.yaml");
      assertThat(problem.location().line()).isEqualTo(2);
      assertThat(problem.path()).isEqualTo("load.users");
    });
  }

  @Test
  void missingFileIsAProblemNamingIt() {
    Path missing = directory.resolve("nope.yaml");

    SpecException thrown = catchThrowableOfType(SpecException.class,
        () -> new SpecLoader(Map.of()).load(List.of(missing), List.of()));

    assertThat(SpecErrorFormatter.format(thrown.problems()))
        .isEqualTo(missing + ": cannot read the spec file: no such file\n"
            + "1 problem in the spec.\n");
  }
}
