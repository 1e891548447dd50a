/**
 * The built-in mock target: an in-process HTTP server that loadtest can load without anything
 * else running, for demos, self-tests and benchmarks of the engine itself.
 *
 * <p>{@link dev.loadtest.mock.MockServer} owns the Jetty server; a {@code MockRouter} sends each
 * request to one small route class ({@code HealthRoute}, {@code EchoRoute}). New behaviour (SSE
 * streaming, job APIs, stalls, metrics) is added as another route registered in
 * {@code MockServer}, not as branches inside an existing one. Routes never block a thread: a
 * simulated delay is a task on Jetty's scheduler.
 */
package dev.loadtest.mock;
