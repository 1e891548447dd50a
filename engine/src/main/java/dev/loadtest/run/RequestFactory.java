package dev.loadtest.run;

import dev.loadtest.plan.Body;
import dev.loadtest.plan.HeaderTemplate;
import dev.loadtest.plan.RequestPlan;
import dev.loadtest.plan.ScenarioPlan;
import dev.loadtest.plan.TargetPlan;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpFields;

/**
 * Turns a planned request into a Jetty request for one user: renders templates, joins headers
 * (target, then scenario, then request; later wins) and encodes the body. Stateless and shared.
 */
final class RequestFactory {

  private static final String JSON = "application/json";

  private final HttpClient client;
  private final String baseUri;
  private final List<HeaderTemplate> targetHeaders;
  private final Duration defaultTimeout;

  RequestFactory(HttpClient client, URI baseUri, TargetPlan target) {
    this.client = client;
    this.baseUri = baseUri.toString();
    this.targetHeaders = target.headers();
    this.defaultTimeout = target.requestTimeout();
  }

  Request create(RequestPlan plan, ScenarioPlan scenario, UserContext user) {
    Request request = client.newRequest(uri(plan, user))
        .method(plan.method().name())
        .timeout(timeoutMillis(plan), TimeUnit.MILLISECONDS)
        .headers(headers -> addHeaders(headers, plan, scenario, user));
    Body body = plan.body();
    if (body instanceof Body.Json json) {
      request.body(new BytesRequestContent(JSON, json.document().render(user)));
    } else if (body instanceof Body.Text text) {
      request.body(new BytesRequestContent(text.contentType(),
          text.text().render(user).getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }

  private long timeoutMillis(RequestPlan plan) {
    return (plan.timeout().isZero() ? defaultTimeout : plan.timeout()).toMillis();
  }

  private String uri(RequestPlan plan, UserContext user) {
    StringBuilder uri = new StringBuilder(baseUri.length() + 64).append(baseUri);
    plan.path().appendTo(uri, user);
    char separator = uri.indexOf("?") < 0 ? '?' : '&';
    for (RequestPlan.QueryParameter parameter : plan.query()) {
      uri.append(separator).append(encode(parameter.name())).append('=')
          .append(encode(parameter.value().render(user)));
      separator = '&';
    }
    return uri.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private void addHeaders(HttpFields.Mutable headers, RequestPlan plan, ScenarioPlan scenario,
      UserContext user) {
    for (HeaderTemplate header : targetHeaders) {
      headers.put(header.name(), header.value().render(user));
    }
    for (HeaderTemplate header : scenario.headers()) {
      headers.put(header.name(), header.value().render(user));
    }
    for (HeaderTemplate header : plan.headers()) {
      headers.put(header.name(), header.value().render(user));
    }
  }
}
