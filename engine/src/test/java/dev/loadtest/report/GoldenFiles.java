package dev.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with files under {@code src/test/resources/dev/loadtest/report/golden}.
 * Run with {@code -Dloadtest.updateGolden=true} to rewrite them after an intended change.
 */
final class GoldenFiles {

  private static final Path FOLDER = Path.of(System.getProperty("loadtest.repository.root",
      "..")).resolve("engine/src/test/resources/dev/loadtest/report/golden");

  private GoldenFiles() {}

  static void assertMatches(String name, String actual) throws IOException {
    Path golden = FOLDER.resolve(name);
    if (Boolean.getBoolean("loadtest.updateGolden")) {
      Files.createDirectories(FOLDER);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file %s; rerun with -Dloadtest.updateGolden=true to create"
        + " it", golden).exists();
    assertThat(actual).as("output differs from %s", golden)
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
