package dev.loadtest.plan;

import java.util.BitSet;
import java.util.List;

/**
 * A set of HTTP status codes, e.g. {@code [200, 201]} or {@code 2xx}.
 *
 * @param codes the accepted codes (bit n set for status n)
 * @param written how the user wrote it, for messages
 */
public record StatusSet(BitSet codes, String written) {

  /** 2xx and 3xx: what counts as success when a request has no status check. */
  public static final StatusSet SUCCESSFUL = parse(List.of("2xx", "3xx"));

  public StatusSet {
    codes = (BitSet) codes.clone();
  }

  /** Builds a set from items like {@code 200} or {@code "2xx"}. */
  public static StatusSet parse(List<String> items) {
    BitSet codes = new BitSet(600);
    for (String item : items) {
      if (item.endsWith("xx")) {
        int hundreds = Integer.parseInt(item.substring(0, 1)) * 100;
        codes.set(hundreds, hundreds + 100);
      } else {
        codes.set(Integer.parseInt(item));
      }
    }
    return new StatusSet(codes, String.join(", ", items));
  }

  /** A copy: the set itself never changes. */
  @Override
  public BitSet codes() {
    return (BitSet) codes.clone();
  }

  public boolean contains(int status) {
    return status >= 0 && codes.get(status);
  }

  public String describe() {
    return written;
  }
}
