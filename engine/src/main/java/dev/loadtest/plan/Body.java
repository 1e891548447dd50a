package dev.loadtest.plan;

/** What a request sends. */
public sealed interface Body {

  /** No body. */
  record None() implements Body {}

  /** Text, rendered from a template, sent with the given content type. */
  record Text(Template text, String contentType) implements Body {}

  /** A JSON document whose strings may hold templates. */
  record Json(JsonTemplate document) implements Body {}
}
