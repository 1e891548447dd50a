package dev.loadtest.mock;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Conversations under {@value #PREFIX}, so that flows have an id to extract and reuse:
 * <ul>
 *   <li>{@code POST /v1/conversations}: after the drawn delay, {@code {"id":"conv-N"}};
 *   <li>{@code POST /v1/conversations/{id}/messages}: after the drawn delay, a reply and the
 *       message's index in the conversation;
 *   <li>{@code GET /v1/conversations/{id}}: at once, the number of messages;
 *   <li>{@code DELETE /v1/conversations/{id}}: at once, forgets it.
 * </ul>
 * An unknown id answers 404. Thread-safe: conversations live in a concurrent map.
 *
 * <p>Limitation: conversations are kept until deleted or the mock stops; a long run that never
 * deletes them holds one small entry per conversation.
 */
final class ConversationsRoute implements MockRoute {

  static final String PREFIX = "/v1/conversations";
  private static final byte[] NOT_FOUND =
      ascii("{\"error\":\"no such conversation\"}");
  private static final byte[] NOT_ALLOWED = ascii("{\"error\":\"method not allowed\"}");
  private static final byte[] DELETED = ascii("{\"deleted\":true}");

  private final OutcomeSequence outcomes;
  private final Scheduler scheduler;
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong created = new AtomicLong();
  private final ConcurrentHashMap<String, AtomicInteger> messagesById = new ConcurrentHashMap<>();

  ConversationsRoute(OutcomeSequence outcomes, Scheduler scheduler) {
    this.outcomes = outcomes;
    this.scheduler = scheduler;
  }

  @Override
  public void handle(Request request, Response response, Callback callback) {
    String rest = MockRouter.pathOf(request).substring(PREFIX.length());
    String method = request.getMethod();
    if (rest.isEmpty() || rest.equals("/")) {
      if (method.equals("POST")) {
        DelayedAnswer.answer(request, response, callback, scheduler, nextDraw(), this::create);
      } else {
        JsonResponses.send(response, callback, 405, NOT_ALLOWED);
      }
      return;
    }
    boolean message = rest.endsWith("/messages");
    String id = rest.substring(1, message ? rest.length() - "/messages".length() : rest.length());
    AtomicInteger messages = messagesById.get(id);
    if (messages == null) {
      JsonResponses.send(response, callback, 404, NOT_FOUND);
    } else if (message && method.equals("POST")) {
      DelayedAnswer.answer(request, response, callback, scheduler, nextDraw(),
          () -> new DelayedAnswer.Answer(200, reply(id, messages.incrementAndGet())));
    } else if (!message && method.equals("GET")) {
      JsonResponses.send(response, callback, 200, ascii("{\"id\":\"" + id
          + "\",\"messages\":" + messages.get() + "}"));
    } else if (!message && method.equals("DELETE")) {
      messagesById.remove(id);
      JsonResponses.send(response, callback, 200, DELETED);
    } else {
      JsonResponses.send(response, callback, 405, NOT_ALLOWED);
    }
  }

  private OutcomeSequence.Draw nextDraw() {
    return outcomes.draw(sequence.getAndIncrement());
  }

  private DelayedAnswer.Answer create() {
    String id = "conv-" + created.incrementAndGet();
    messagesById.put(id, new AtomicInteger());
    return new DelayedAnswer.Answer(200, ascii("{\"id\":\"" + id + "\"}"));
  }

  private static byte[] reply(String id, int index) {
    return ascii("{\"conversation_id\":\"" + id + "\",\"message_index\":" + index
        + ",\"reply\":\"Noted; here is answer " + index + ".\"}");
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return "ConversationsRoute{" + PREFIX + ", conversations " + messagesById.size() + "}";
  }
}
