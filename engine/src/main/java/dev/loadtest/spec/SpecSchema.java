package dev.loadtest.spec;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The spec's JSON Schema, read once from the classpath, and lookups into it that error messages
 * need (the allowed keys of an object, the pattern next to a failed type). Thread-safe: the
 * compiled schema and its JSON tree are never changed after loading.
 */
final class SpecSchema {

  static final String RESOURCE = "loadtest.schema.json";

  private static final class Holder {
    static final SpecSchema INSTANCE = load();
  }

  private final Schema schema;
  private final JsonNode root;

  private SpecSchema(Schema schema, JsonNode root) {
    this.schema = schema;
    this.root = root;
  }

  /** The schema packaged in the jar next to this class. */
  static SpecSchema get() {
    return Holder.INSTANCE;
  }

  private static SpecSchema load() {
    try (InputStream in = SpecSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + RESOURCE + " in dev/loadtest/spec;"
            + " the build copies it from schema/");
      }
      JsonNode root = JsonMapper.builder().build().readTree(in);
      SchemaRegistry registry =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
      return new SpecSchema(registry.getSchema(root), root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Every error the schema finds in a document, in the validator's order. */
  List<Error> validate(JsonNode document) {
    return schema.validate(document);
  }

  /** The schema object a keyword of an error belongs to, with {@code $ref} resolved. */
  JsonNode owner(SchemaLocation keywordLocation) {
    NodePath fragment = keywordLocation.getFragment();
    JsonNode node = root;
    for (int i = 0; i < fragment.getNameCount() - 1; i++) {
      node = step(node, fragment.getElement(i));
    }
    return resolve(node);
  }

  /** The {@code $defs} name an error's keyword lives under, e.g. "check"; empty if none. */
  static String definitionName(SchemaLocation keywordLocation) {
    NodePath fragment = keywordLocation.getFragment();
    boolean inDefinitions = fragment.getNameCount() > 1 && "$defs".equals(fragment.getName(0));
    return inDefinitions ? fragment.getName(1) : "";
  }

  /** A local {@code $ref} replaced by what it points at; other nodes as they are. */
  JsonNode resolve(JsonNode node) {
    JsonNode target = node;
    for (int hops = 0; hops < 10 && target.has("$ref"); hops++) {
      String reference = target.get("$ref").asString();
      if (!reference.startsWith("#")) {
        return target;
      }
      target = root.at(reference.substring(1));
    }
    return target;
  }

  /** The property names an object schema declares, in schema order. */
  static List<String> propertyNames(JsonNode objectSchema) {
    List<String> names = new ArrayList<>();
    JsonNode properties = objectSchema.path("properties");
    properties.propertyNames().forEach(names::add);
    return names;
  }

  /** The texts of a string array in a schema, e.g. "required" or "enum". */
  static List<String> strings(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.isString() ? item.asString() : item.toString()));
    return texts;
  }

  private static JsonNode step(JsonNode node, Object element) {
    String name = String.valueOf(element);
    return node.isArray() ? node.path(Integer.parseInt(name)) : node.path(name);
  }
}
