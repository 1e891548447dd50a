package dev.loadtest.spec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a spec: reads the base file and its overlays, substitutes environment variables, merges
 * the files in order (later wins), applies {@code --set} items, and checks the result against
 * the JSON Schema packaged with the engine. Every problem found is reported at once, each with
 * file, line, column and path.
 *
 * <p>A loader holds only the environment; each call works on its own state, so one loader may
 * be used from several threads.
 */
public final class SpecLoader {

  private final EnvironmentSubstitution substitution;

  /** env: environment variables (System.getenv() in production, a map in tests). */
  public SpecLoader(Map<String, String> environment) {
    this.substitution = new EnvironmentSubstitution(environment);
  }

  /** files: base spec then overlays, merged in order, later wins. sets: "a.b[0].c=value". */
  public SpecDocument load(List<Path> files, List<String> sets) throws SpecException {
    List<SpecText> texts = new ArrayList<>();
    List<SpecProblem> problems = new ArrayList<>();
    for (Path file : files) {
      SpecText text = read(file);
      if (text.failure().isPresent()) {
        problems.add(unreadable(text));
      } else {
        texts.add(text);
      }
    }
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    return loadAll(texts, sets);
  }

  /** Same from in-memory text (display name + content), for tests and stdin. */
  public SpecDocument loadTexts(List<Map.Entry<String, String>> namedTexts, List<String> sets)
      throws SpecException {
    List<SpecText> texts = namedTexts.stream()
        .map(e -> new SpecText(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8),
            e.getValue(), Optional.empty()))
        .toList();
    return loadAll(texts, sets);
  }

  /** One file as read: its bytes for the hash, its text, or why it could not be read. */
  private record SpecText(String name, byte[] bytes, String text, Optional<String> failure) {}

  private static SpecText read(Path file) {
    String name = file.toString();
    try {
      byte[] bytes = Files.readAllBytes(file);
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return new SpecText(name, bytes, text, Optional.empty());
    } catch (CharacterCodingException e) {
      return new SpecText(name, new byte[0], "", Optional.of("the file is not UTF-8 text"));
    } catch (NoSuchFileException e) {
      return new SpecText(name, new byte[0], "", Optional.of("no such file"));
    } catch (AccessDeniedException e) {
      return new SpecText(name, new byte[0], "", Optional.of("permission denied"));
    } catch (IOException e) {
      String reason =
          Files.isDirectory(file) ? "it is a directory" : String.valueOf(e.getMessage());
      return new SpecText(name, new byte[0], "", Optional.of(reason));
    }
  }

  // Line 0: the problem is with the file as a whole, not with a place in it.
  private static SpecProblem unreadable(SpecText text) {
    SpecSource source = new SpecSource(text.name(), List.of());
    return new SpecProblem(new SourceLocation(source, 0, 0), "",
        "cannot read the spec file: " + text.failure().orElseThrow());
  }

  private SpecDocument loadAll(List<SpecText> texts, List<String> sets) throws SpecException {
    LoadRun run = new LoadRun(substitution);
    List<SpecSource> sources = new ArrayList<>();
    List<MapNode> roots = new ArrayList<>();
    for (SpecText text : texts) {
      SpecSource source = new SpecSource(text.name(), lines(text.text()));
      sources.add(source);
      run.readRoot(source, stripByteOrderMark(text.text())).ifPresent(roots::add);
    }
    if (texts.isEmpty()) {
      throw new SpecException(List.of(new SpecProblem(
          new SourceLocation(new SpecSource("<no spec>", List.of()), 0, 0), "",
          "no spec file was given")));
    }
    if (roots.size() < texts.size()) {
      throw new SpecException(run.sortedProblems(sources));
    }
    MapNode root = roots.get(0);
    for (MapNode overlay : roots.subList(1, roots.size())) {
      root = OverlayMerger.mergeRoots(root, overlay);
    }
    root = run.applySets(root, sets);
    run.validate(root);
    if (run.hasProblems()) {
      throw new SpecException(run.sortedProblems(sources));
    }
    return new SpecDocument(root, sources, sha256(texts, sets));
  }

  private static List<String> lines(String text) {
    return List.of(stripByteOrderMark(text).split("\r\n|\r|\n", -1));
  }

  private static String stripByteOrderMark(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  // With one file and no --set the hash equals `sha256sum spec.yaml`, which users can check.
  private static String sha256(List<SpecText> texts, List<String> sets) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      texts.forEach(text -> digest.update(text.bytes()));
      for (String set : sets) {
        digest.update(("\n--set " + set).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
