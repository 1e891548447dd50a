package dev.loadtest.plan;

/** The HTTP methods a request may use. */
public enum HttpMethod { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS }
