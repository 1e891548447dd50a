package dev.loadtest.plan;

/**
 * How a response tells that it was served from a cache (the target's own answer cache, not the
 * provider's prompt cache, which {@code usage.prompt_tokens_details.cached_tokens} reports).
 */
public sealed interface CacheRule {

  String describe();

  /** Cache hits are not looked for. */
  record None() implements CacheRule {
    @Override
    public String describe() {
      return "no cache rule";
    }
  }

  /**
   * A response header marks a hit.
   *
   * @param name the header's name, case-insensitive
   * @param value the value that means a hit, case-insensitive; empty: any value
   */
  record Header(String name, String value) implements CacheRule {
    /** True when a response carrying this header value was a hit. */
    public boolean isHit(String actual) {
      return actual != null && (value.isEmpty() || value.equalsIgnoreCase(actual.trim()));
    }

    @Override
    public String describe() {
      return "header " + name + (value.isEmpty() ? "" : ": " + value);
    }
  }

  /**
   * A JSON value in the body (non-streamed) or in any event (streamed) marks a hit.
   *
   * @param path where the value is
   * @param expected the text of the value that means a hit ({@code true}, {@code "HIT"} as HIT)
   */
  record JsonValue(JsonPath path, String expected) implements CacheRule {
    @Override
    public String describe() {
      return "JSON " + path.source() + " = " + expected;
    }
  }
}
