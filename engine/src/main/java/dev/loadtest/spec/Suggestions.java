package dev.loadtest.spec;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the allowed word a user most likely meant, by edit distance where swapping two
 * neighbouring letters counts as one edit ({@code usres} is one edit from {@code users}).
 * Stateless and thread-safe.
 */
final class Suggestions {

  private Suggestions() {}

  /** The closest candidate, if it is close enough to be a typo rather than another word. */
  static Optional<String> closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    // Short words are only typos at one or two edits; longer ones tolerate a third.
    int tolerated = Math.max(2, word.length() / 3);
    boolean close = best != null && bestDistance <= tolerated && !best.equals(word);
    return close && bestDistance < word.length() ? Optional.of(best) : Optional.empty();
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        boolean swapped = i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1);
        if (swapped) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
