package dev.loadtest.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Checks an output directory before any load is sent, so that no measurement is lost to it:
 * it must be writable, have room for the results, and hold no earlier run's results unless
 * the user asked to overwrite them. Files that are not loadtest's are never touched.
 * Stateless.
 */
public final class OutputDirectory {

  /** Room kept free beyond the estimate: the HTML, charts and CSV files. */
  static final long REPORT_BYTES = 20L * 1024 * 1024;
  /** Interval-log bytes per request name and second: a compressed histogram, generously. */
  static final long LOG_BYTES_PER_NAME_SECOND = 2048;

  private OutputDirectory() {}

  /** The space a run of this length and number of request names needs, in bytes. */
  public static long estimatedBytes(long seconds, int requestNames) {
    return REPORT_BYTES + Math.max(1, seconds) * Math.max(1, requestNames)
        * LOG_BYTES_PER_NAME_SECOND;
  }

  /**
   * Creates the directory if needed and checks it; with {@code overwrite}, deletes an earlier
   * run's files (and only those).
   *
   * @return the problem, in a sentence that says what to do; empty when the run may start
   */
  public static Optional<String> prepare(Path directory, boolean overwrite, String csvPrefix,
      long neededBytes) {
    try {
      Files.createDirectories(directory);
      Path probe = Files.createTempFile(directory, ".write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      return Optional.of("output directory " + directory + " is not writable: " + e);
    }
    List<String> earlier = earlierResults(directory, csvPrefix);
    if (!earlier.isEmpty() && !overwrite) {
      return Optional.of("output directory " + directory + " holds the results of an earlier"
          + " run (" + String.join(", ", earlier) + "); choose another --out, or add"
          + " --overwrite to replace them");
    }
    Optional<String> room = checkRoom(directory, neededBytes);
    if (room.isPresent() || earlier.isEmpty()) {
      return room;
    }
    return delete(directory, earlier);
  }

  static List<String> earlierResults(Path directory, String csvPrefix) {
    return ResultFiles.all(csvPrefix).stream()
        .filter(name -> Files.exists(directory.resolve(name))).toList();
  }

  private static Optional<String> checkRoom(Path directory, long neededBytes) {
    try {
      long usable = Files.getFileStore(directory).getUsableSpace();
      if (usable < neededBytes) {
        return Optional.of(String.format(java.util.Locale.ROOT, "output directory %s has %.1f"
            + " MiB free; the results of this run need about %.1f MiB: free some space or"
            + " choose another --out", directory, usable / 1048576.0,
            neededBytes / 1048576.0));
      }
      return Optional.empty();
    } catch (IOException e) {
      // Some file systems cannot tell; writing will still report a full disk.
      return Optional.empty();
    }
  }

  private static Optional<String> delete(Path directory, List<String> names) {
    try {
      for (String name : names) {
        Path path = directory.resolve(name);
        if (Files.isDirectory(path)) {
          try (var files = Files.list(path)) {
            for (Path file : files.toList()) {
              Files.deleteIfExists(file);
            }
          }
        }
        Files.deleteIfExists(path);
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot replace the earlier results in " + directory + ": " + e);
    }
  }
}
