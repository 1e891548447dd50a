package dev.loadtest.plan;

/** A header whose value may hold templates. */
public record HeaderTemplate(String name, Template value) {

  /** True for headers whose values are secrets and must never be shown. */
  public boolean isSensitive() {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return lower.equals("authorization") || lower.equals("proxy-authorization")
        || lower.equals("cookie") || lower.contains("api-key") || lower.contains("apikey")
        || lower.contains("token") || lower.contains("secret");
  }
}
