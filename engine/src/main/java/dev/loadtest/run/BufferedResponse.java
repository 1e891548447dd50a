package dev.loadtest.run;

import dev.loadtest.plan.ResponseFacts;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A response whose body was kept for checks; JSON is parsed on first use and only once. */
final class BufferedResponse implements ResponseFacts {

  /** Thread-safe once built; shared by every exchange. */
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final int status;
  private final String body;
  private final HttpFields headers;
  private Optional<JsonNode> json;

  BufferedResponse(int status, String body) {
    this(status, body, HttpFields.EMPTY);
  }

  /** @param headers the response's headers, for extractions that read them */
  BufferedResponse(int status, String body, HttpFields headers) {
    this.status = status;
    this.body = body;
    this.headers = headers;
  }

  @Override
  public int status() {
    return status;
  }

  @Override
  public String bodyText() {
    return body;
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  @Override
  public Optional<JsonNode> json() {
    if (json == null) {
      json = parse();
    }
    return json;
  }

  private Optional<JsonNode> parse() {
    try {
      return body.isBlank() ? Optional.empty() : Optional.of(JSON.readTree(body));
    } catch (RuntimeException notJson) {
      return Optional.empty();
    }
  }
}
