package dev.loadtest.plan;

import java.util.List;
import java.util.UUID;

/**
 * A string with {@code ${...}} expressions, parsed once at compile time and rendered per request.
 * Immutable and shareable; rendering allocates only when the template is not constant.
 *
 * <p>Expressions: {@code ${name}} (a variable), {@code ${randomInt(1, 100)}} (inclusive),
 * {@code ${uuid()}}, {@code ${pick(a, b, c)}}, {@code ${timestamp()}} (epoch milliseconds).
 * {@code $${} writes a literal {@code ${}.
 *
 * @param source the text as written, for messages
 * @param parts literal text and expressions in order
 */
public record Template(String source, List<Part> parts) {

  public Template {
    parts = List.copyOf(parts);
  }

  /** A template without expressions. */
  public static Template literal(String text) {
    return new Template(text, List.of(new Literal(text)));
  }

  /** One piece of a template. */
  public sealed interface Part {
    void appendTo(StringBuilder out, TemplateContext context);
  }

  /** Text copied as is. */
  public record Literal(String text) implements Part {
    @Override
    public void appendTo(StringBuilder out, TemplateContext context) {
      out.append(text);
    }
  }

  /** A named value: a spec variable, or a built-in such as {@code userId}. */
  public record Variable(String name) implements Part {
    @Override
    public void appendTo(StringBuilder out, TemplateContext context) {
      out.append(context.variable(name));
    }
  }

  /** A random integer between min and max, both included. */
  public record RandomInt(long min, long max) implements Part {
    @Override
    public void appendTo(StringBuilder out, TemplateContext context) {
      out.append(min + context.random().nextLong(max - min + 1));
    }
  }

  /** A random UUID, drawn from the user's seeded source so runs repeat. */
  public record RandomUuid() implements Part {
    @Override
    public void appendTo(StringBuilder out, TemplateContext context) {
      long most = context.random().nextLong() & 0xffffffffffff0fffL | 0x4000L;
      long least = context.random().nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L;
      out.append(new UUID(most, least));
    }
  }

  /** One of several values, equally likely. */
  public record Pick(List<String> choices) implements Part {
    public Pick {
      choices = List.copyOf(choices);
    }

    @Override
    public void appendTo(StringBuilder out, TemplateContext context) {
      out.append(choices.get(context.random().nextInt(choices.size())));
    }
  }

  /** The wall-clock time in epoch milliseconds. */
  public record Timestamp() implements Part {
    @Override
    public void appendTo(StringBuilder out, TemplateContext context) {
      out.append(context.epochMillis());
    }
  }

  /** True when rendering always gives the same text. */
  public boolean isConstant() {
    return parts.stream().allMatch(part -> part instanceof Literal);
  }

  /** True when the whole template is one expression that always yields a number. */
  public boolean isSingleNumber() {
    if (parts.size() != 1) {
      return false;
    }
    Part only = parts.get(0);
    return only instanceof RandomInt || only instanceof Timestamp
        || only instanceof Variable variable && NUMERIC_VARIABLES.contains(variable.name());
  }

  /** Built-in variables whose values are always whole numbers. */
  private static final java.util.Set<String> NUMERIC_VARIABLES = java.util.Set.of("userId",
      "iteration");

  /** Renders the template for one request. */
  public String render(TemplateContext context) {
    if (parts.size() == 1 && parts.get(0) instanceof Literal) {
      return ((Literal) parts.get(0)).text();
    }
    StringBuilder out = new StringBuilder(source.length() + 16);
    appendTo(out, context);
    return out.toString();
  }

  /** Renders the template into a builder, avoiding an intermediate string. */
  public void appendTo(StringBuilder out, TemplateContext context) {
    for (Part part : parts) {
      part.appendTo(out, context);
    }
  }

  @Override
  public String toString() {
    return "Template[" + source + "]";
  }
}
