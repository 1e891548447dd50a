package dev.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output directory problems are found before the load starts, with a message saying why. */
class OutputDirectoryTest {

  @TempDir
  Path directory;

  @Test
  void earlierResultsAreKeptUnlessOverwriteIsGiven() throws Exception {
    Files.writeString(directory.resolve(ResultFiles.SUMMARY), "{}");

    assertThat(OutputDirectory.prepare(directory, false, "loadtest", 0)).hasValueSatisfying(
        message -> assertThat(message).contains("earlier run", "summary.json", "--overwrite"));
    assertThat(directory.resolve(ResultFiles.SUMMARY)).exists();
  }

  @Test
  void overwriteDeletesOnlyLoadtestFiles() throws Exception {
    Files.writeString(directory.resolve(ResultFiles.SUMMARY), "{}");
    Files.createDirectories(directory.resolve(ResultFiles.CHARTS));
    Files.writeString(directory.resolve(ResultFiles.CHARTS).resolve("old.png"), "x");
    Files.writeString(directory.resolve("notes.txt"), "mine");

    assertThat(OutputDirectory.prepare(directory, true, "loadtest", 0)).isEmpty();

    assertThat(directory.resolve(ResultFiles.SUMMARY)).doesNotExist();
    assertThat(directory.resolve(ResultFiles.CHARTS)).doesNotExist();
    assertThat(directory.resolve("notes.txt")).hasContent("mine");
  }

  @Test
  void aPathUnderAFileIsNotWritable() throws Exception {
    Path file = Files.writeString(directory.resolve("file"), "x");

    assertThat(OutputDirectory.prepare(file.resolve("out"), false, "loadtest", 0))
        .hasValueSatisfying(message -> assertThat(message).contains("not writable"));
  }

  @Test
  void tooLittleFreeSpaceIsRefusedBeforeTheRun() {
    assertThat(OutputDirectory.prepare(directory, false, "loadtest", Long.MAX_VALUE / 2))
        .hasValueSatisfying(message -> assertThat(message).contains("MiB free"));
  }
}
