package dev.loadtest.plan;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A JSON document whose string values may hold templates. A string that is exactly one numeric
 * expression, such as {@code "${randomInt(1, 100)}"}, renders as a JSON number.
 */
public sealed interface JsonTemplate {

  void appendTo(StringBuilder out, TemplateContext context);

  boolean isConstant();

  /** Renders the document as UTF-8 JSON. */
  default byte[] render(TemplateContext context) {
    StringBuilder out = new StringBuilder(128);
    appendTo(out, context);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** An object with members in the order written. */
  record JsonObject(List<Member> members) implements JsonTemplate {
    public JsonObject {
      members = List.copyOf(members);
    }

    @Override
    public void appendTo(StringBuilder out, TemplateContext context) {
      out.append('{');
      for (int i = 0; i < members.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        JsonText.appendQuoted(out, members.get(i).key());
        out.append(':');
        members.get(i).value().appendTo(out, context);
      }
      out.append('}');
    }

    @Override
    public boolean isConstant() {
      return members.stream().allMatch(member -> member.value().isConstant());
    }
  }

  /** An object member. */
  record Member(String key, JsonTemplate value) {}

  /** An array. */
  record JsonArray(List<JsonTemplate> elements) implements JsonTemplate {
    public JsonArray {
      elements = List.copyOf(elements);
    }

    @Override
    public void appendTo(StringBuilder out, TemplateContext context) {
      out.append('[');
      for (int i = 0; i < elements.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        elements.get(i).appendTo(out, context);
      }
      out.append(']');
    }

    @Override
    public boolean isConstant() {
      return elements.stream().allMatch(JsonTemplate::isConstant);
    }
  }

  /** A number, boolean or null, written as JSON text. */
  record JsonLiteral(String json) implements JsonTemplate {
    @Override
    public void appendTo(StringBuilder out, TemplateContext context) {
      out.append(json);
    }

    @Override
    public boolean isConstant() {
      return true;
    }
  }

  /** A string value, or a number when the template is a single numeric expression. */
  record JsonText(Template template) implements JsonTemplate {
    @Override
    public void appendTo(StringBuilder out, TemplateContext context) {
      if (template.isSingleNumber()) {
        template.appendTo(out, context);
      } else {
        appendQuoted(out, template.render(context));
      }
    }

    @Override
    public boolean isConstant() {
      return template.isConstant();
    }

    static void appendQuoted(StringBuilder out, String text) {
      out.append('"');
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> {
            if (c < 0x20) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      out.append('"');
    }
  }
}
