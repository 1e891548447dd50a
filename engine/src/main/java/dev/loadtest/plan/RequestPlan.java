package dev.loadtest.plan;

import java.time.Duration;
import java.util.List;

/**
 * One HTTP request with its templates prepared and its checks.
 *
 * @param name the name its statistics are grouped under
 * @param statsKey index of {@code name} in {@link TestPlan#requestNames()}
 * @param method the HTTP method
 * @param path path and query below the target's base URI, may hold templates
 * @param query query parameters added to the path
 * @param headers the request's own headers (they win over scenario and target headers)
 * @param body what is sent
 * @param timeout limit on the whole exchange
 * @param checks what the response must satisfy, besides its status
 * @param expectStatus statuses that count as success
 * @param llm how the answer is read as an LLM answer; {@link LlmRequest#NONE} for others
 * @param handling values extracted from the response, and what a 429 means
 */
public record RequestPlan(
    String name,
    int statsKey,
    HttpMethod method,
    Template path,
    List<QueryParameter> query,
    List<HeaderTemplate> headers,
    Body body,
    Duration timeout,
    List<Check> checks,
    StatusSet expectStatus,
    LlmRequest llm,
    ResponseHandling handling) implements Step {

  public RequestPlan {
    query = List.copyOf(query);
    headers = List.copyOf(headers);
    checks = List.copyOf(checks);
  }

  /** An ordinary request, not measured as an LLM answer. */
  public RequestPlan(String name, int statsKey, HttpMethod method, Template path,
      List<QueryParameter> query, List<HeaderTemplate> headers, Body body, Duration timeout,
      List<Check> checks, StatusSet expectStatus) {
    this(name, statsKey, method, path, query, headers, body, timeout, checks, expectStatus,
        LlmRequest.NONE);
  }

  /** A request that extracts nothing and fails on 429. */
  public RequestPlan(String name, int statsKey, HttpMethod method, Template path,
      List<QueryParameter> query, List<HeaderTemplate> headers, Body body, Duration timeout,
      List<Check> checks, StatusSet expectStatus, LlmRequest llm) {
    this(name, statsKey, method, path, query, headers, body, timeout, checks, expectStatus,
        llm, ResponseHandling.NONE);
  }

  /** This request with other extractions and 429 policy. */
  public RequestPlan withHandling(ResponseHandling newHandling) {
    return new RequestPlan(name, statsKey, method, path, query, headers, body, timeout, checks,
        expectStatus, llm, newHandling);
  }

  /** A query parameter whose value may hold templates. */
  public record QueryParameter(String name, Template value) {}

  /** True when a check reads the body, so the engine must keep it instead of discarding it. */
  public boolean needsBody() {
    // Asked on every send: a plain loop, no stream allocated.
    for (Check check : checks) {
      if (check.needsBody()) {
        return true;
      }
    }
    return handling.needsBody();
  }

  @Override
  public String describe() {
    return method + " " + path.source() + (name.equals(method + " " + path.source()) ? ""
        : " as '" + name + "'");
  }
}
