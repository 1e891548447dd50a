package dev.loadtest.run;

/**
 * An LLM answer whose body broke its format: an event that is not JSON, a stream that ended
 * before its end marker, an error event, or no content at all. Reported as a failure of kind
 * {@code stream} with this message; never thrown out of the client.
 */
final class MalformedStreamException extends Exception {

  MalformedStreamException(String reason) {
    super(reason, null, false, false);
  }
}
