package dev.loadtest.plan;

import java.util.random.RandomGenerator;

/**
 * What a template reads while rendering: one virtual user's random source and variables. Used by
 * one thread at a time, like the user that owns it.
 */
public interface TemplateContext {

  RandomGenerator random();

  /** The value of a variable; the compiler has checked that it exists. */
  String variable(String name);

  long epochMillis();
}
