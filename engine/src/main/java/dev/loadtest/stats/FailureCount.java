package dev.loadtest.stats;

/** How often one request failed in one way with one message. */
public record FailureCount(String request, FailureKind kind, String message, long count) {}
