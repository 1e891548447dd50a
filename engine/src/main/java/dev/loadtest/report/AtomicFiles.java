package dev.loadtest.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole, then moves it into place, so that a reader (or a later run of
 * {@code report --from}) never sees half of it, and a full disk leaves the old file intact.
 */
final class AtomicFiles {

  private AtomicFiles() {}

  static Path writeString(Path target, String content) throws IOException {
    return writeBytes(target, content.getBytes(StandardCharsets.UTF_8));
  }

  static Path writeBytes(Path target, byte[] content) throws IOException {
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    try {
      Files.write(partial, content);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      return target;
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
