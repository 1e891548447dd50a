package dev.loadtest.plan;

import java.util.List;
import java.util.Set;

/**
 * Rows of values read from a CSV or JSON-lines file at compile time, handed to users as
 * template variables {@code ${feeder.column}}. Immutable; the rows are shared by every user.
 *
 * @param name how scenarios and templates refer to the feeder
 * @param file the file as resolved, for messages
 * @param columns column names, in file order
 * @param rows one list of values per row, in column order
 * @param strategy which row a user gets
 * @param whenExhausted what happens once every row has been handed out
 * @param secretColumns columns whose values are never printed (API keys)
 */
public record FeederPlan(String name, String file, List<String> columns,
    List<List<String>> rows, Strategy strategy, Exhaustion whenExhausted,
    Set<String> secretColumns) {

  /** Which row a user gets. */
  public enum Strategy {
    /** Rows in file order, one per take, shared by all users. */
    SEQUENTIAL("sequential"),
    /** Any row, drawn from the user's seeded random source; never runs out. */
    RANDOM("random"),
    /** The n-th user to start gets the n-th row, for the whole of its life. */
    UNIQUE_PER_USER("uniquePerUser");

    private final String specName;

    Strategy(String specName) {
      this.specName = specName;
    }

    /** The name as written in a spec. */
    public String specName() {
      return specName;
    }
  }

  /** What happens when the rows are used up. */
  public enum Exhaustion {
    /** Users that need a row stop: they start no more iterations. */
    STOP,
    /** Start again from the first row. */
    RECYCLE
  }

  public FeederPlan {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    secretColumns = Set.copyOf(secretColumns);
  }

  /** The template variable of a column: {@code feeder.column}. */
  public String variableOf(String column) {
    return name + "." + column;
  }

  public String describe() {
    return "feeder " + name + ": " + rows.size() + " rows from " + file + ", columns "
        + columns.stream().map(c -> secretColumns.contains(c) ? c + " (secret)" : c).toList()
        + ", " + strategy.specName() + ", when exhausted "
        + whenExhausted.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return "FeederPlan[" + name + ", " + rows.size() + " rows]";
  }
}
