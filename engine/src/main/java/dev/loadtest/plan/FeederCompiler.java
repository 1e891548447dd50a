package dev.loadtest.plan;

import dev.loadtest.spec.MapNode;
import dev.loadtest.spec.ScalarNode;
import dev.loadtest.spec.SpecNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compiles the spec's {@code feeders}: reads each file now, so that a missing file, a ragged
 * row or an unknown column is a spec error before anything is sent, and users share the rows
 * without touching the disk during the run.
 */
final class FeederCompiler {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setHeader()
      .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();

  private final NodeReader reader;

  FeederCompiler(NodeReader reader) {
    this.reader = reader;
  }

  /** Every feeder, by name, in the order written. */
  Map<String, FeederPlan> compile(MapNode root) {
    Map<String, FeederPlan> feeders = new LinkedHashMap<>();
    reader.map(root, "feeders").ifPresent(map -> map.fields().forEach((name, node) ->
        feeders.put(name, feeder(name, (MapNode) node))));
    return feeders;
  }

  private FeederPlan feeder(String name, MapNode node) {
    ScalarNode fileNode = reader.scalar(node, "file").orElseThrow();
    Path file = resolve(fileNode);
    String format = reader.text(node, "format",
        file.toString().endsWith(".csv") ? "csv" : "jsonl");
    List<String> columns = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    try {
      if (format.equals("csv")) {
        readCsv(file, columns, rows);
      } else {
        readJsonLines(file, columns, rows);
      }
    } catch (NoSuchFileException e) {
      reader.problem(fileNode, "no such feeder file: " + file);
    } catch (IOException | RuntimeException e) {
      reader.problem(fileNode, "cannot read feeder file " + file + ": " + e.getMessage());
    }
    if (rows.isEmpty() && reader.problems().stream().noneMatch(p -> p.path()
        .equals(fileNode.path()))) {
      reader.problem(fileNode, "feeder file " + file + " has no rows");
    }
    return new FeederPlan(name, file.toString(), columns, rows, strategy(node),
        reader.text(node, "whenExhausted", "recycle").equals("stop")
            ? FeederPlan.Exhaustion.STOP : FeederPlan.Exhaustion.RECYCLE,
        secretColumns(node, columns));
  }

  /** A relative path is read from the folder of the file that names it, wherever run from. */
  private static Path resolve(ScalarNode fileNode) {
    Path file = Path.of(fileNode.text());
    if (file.isAbsolute()) {
      return file;
    }
    Path spec = Path.of(fileNode.location().source().displayName());
    Path folder = spec.toAbsolutePath().getParent();
    return (folder == null ? file : folder.resolve(file)).normalize();
  }

  private static FeederPlan.Strategy strategy(MapNode node) {
    String text = node.field("strategy").map(s -> ((ScalarNode) s).text()).orElse("sequential");
    return switch (text) {
      case "random" -> FeederPlan.Strategy.RANDOM;
      case "uniquePerUser" -> FeederPlan.Strategy.UNIQUE_PER_USER;
      default -> FeederPlan.Strategy.SEQUENTIAL;
    };
  }

  private Set<String> secretColumns(MapNode node, List<String> columns) {
    Set<String> secret = new HashSet<>();
    for (SpecNode column : reader.list(node, "secret")) {
      String name = ((ScalarNode) column).text();
      if (!columns.isEmpty() && !columns.contains(name)) {
        reader.problem(column, "no column '" + name + "' in the feeder (columns: "
            + String.join(", ", columns) + ")");
      }
      secret.add(name);
    }
    return secret;
  }

  private void readCsv(Path file, List<String> columns, List<List<String>> rows)
      throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSV.parse(in)) {
      columns.addAll(parser.getHeaderNames());
      for (CSVRecord record : parser) {
        if (record.size() != columns.size()) {
          throw new IOException("line " + parser.getCurrentLineNumber() + " has "
              + record.size() + " values, the header names " + columns.size());
        }
        rows.add(record.toList());
      }
    }
  }

  private static void readJsonLines(Path file, List<String> columns, List<List<String>> rows)
      throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      JsonNode row = JSON.readTree(lines.get(i));
      if (!row.isObject()) {
        throw new IOException("line " + (i + 1) + " is not a JSON object");
      }
      if (columns.isEmpty()) {
        columns.addAll(row.propertyNames());
      }
      rows.add(values(row, columns, i + 1));
    }
  }

  private static List<String> values(JsonNode row, List<String> columns, int line)
      throws IOException {
    List<String> values = new ArrayList<>(columns.size());
    for (String column : columns) {
      JsonNode value = row.get(column);
      if (value == null) {
        throw new IOException("line " + line + " has no '" + column + "' (the first line's"
            + " keys are the columns: " + String.join(", ", columns) + ")");
      }
      values.add(value.isString() ? value.stringValue() : value.toString());
    }
    return values;
  }
}
