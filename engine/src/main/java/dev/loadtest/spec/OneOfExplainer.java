package dev.loadtest.spec;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Explains a failed {@code oneOf} by the branch the user most likely meant, rather than by the
 * failures of every branch. For a mapping the branch is chosen by the keys it requires (a check
 * with {@code status} is a status check); for a scalar by the branches whose type fits.
 * Not thread-safe; one per load.
 */
final class OneOfExplainer {

  private final SpecSchema schema;
  private final ValueDisplay display;
  private final SchemaErrorTranslator translator;

  OneOfExplainer(SpecSchema schema, ValueDisplay display, SchemaErrorTranslator translator) {
    this.schema = schema;
    this.display = display;
    this.translator = translator;
  }

  /** Problems for one failed oneOf, given every error evaluated beneath it. */
  List<SpecProblem> explain(Error choice, List<Error> owned) {
    SpecNode instance = translator.nodeOf(choice);
    JsonNode branches = choice.getSchemaNode();
    if (validBranchCount(choice) > 1) {
      return tooMany(choice, instance, branches);
    }
    Map<Integer, List<Error>> byBranch = byBranch(choice, owned);
    List<Integer> fitting = new ArrayList<>();
    for (int i = 0; i < branches.size(); i++) {
      List<Error> errors = byBranch.getOrDefault(i, List.of());
      if (!hasTypeErrorAt(choice.getInstanceLocation(), errors)) {
        fitting.add(i);
      }
    }
    if (instance instanceof MapNode map && !fitting.isEmpty()) {
      return explainMapping(choice, map, byBranch, fitting);
    }
    // A scalar is best answered with every form it could take; a list by what is inside it.
    if (instance instanceof ListNode && fitting.size() == 1) {
      return translator.translate(byBranch.getOrDefault(fitting.get(0), List.of()));
    }
    return List.of(SpecProblem.at(instance,
        "expected " + SchemaPhrases.joinOr(alternatives(branches)) + ", got "
            + display.got(instance)));
  }

  // The validator passes the count of passing branches as the first message argument, as text.
  private static int validBranchCount(Error choice) {
    Object[] arguments = choice.getArguments();
    String count = arguments != null && arguments.length > 0 ? String.valueOf(arguments[0]) : "";
    return count.matches("[0-9]{1,9}") ? Integer.parseInt(count) : 0;
  }

  // Several branches passing is only a mistake the user can see on a mapping: two kinds at once.
  private List<SpecProblem> tooMany(Error choice, SpecNode instance, JsonNode branches) {
    if (!(instance instanceof MapNode)) {
      return List.of();
    }
    List<String> forms = alternatives(branches);
    String amount = forms.size() == 2 ? "not both" : "only one of them";
    return List.of(SpecProblem.at(instance, article(kindName(choice, instance)) + " takes "
        + SchemaPhrases.joinOr(forms) + ", " + amount));
  }

  private List<SpecProblem> explainMapping(
      Error choice, MapNode map, Map<Integer, List<Error>> byBranch, List<Integer> fitting) {
    String kind = kindName(choice, map);
    String kinds = SchemaPhrases.joinOr(alternatives(choice.getSchemaNode()));
    List<JsonNode> schemas = fitting.stream()
        .map(i -> schema.resolve(choice.getSchemaNode().get(i))).toList();
    List<SpecProblem> unknown = unknownKeys(map, schemas, article(kind) + " takes " + kinds);
    if (!unknown.isEmpty()) {
      return unknown;
    }
    List<Integer> best = bestByRequiredKeys(map, choice.getSchemaNode(), fitting);
    List<Integer> complete = best.stream()
        .filter(i -> missing(map, choice.getSchemaNode().get(i)).isEmpty()).toList();
    if (best.size() == 1 || complete.size() == 1) {
      int branch = complete.size() == 1 ? complete.get(0) : best.get(0);
      return translator.translate(byBranch.getOrDefault(branch, List.of()));
    }
    return List.of(SpecProblem.at(map, ambiguous(kind, kinds, map, choice, best, complete)));
  }

  private String ambiguous(String kind, String kinds, MapNode map, Error choice,
      List<Integer> best, List<Integer> complete) {
    JsonNode branches = choice.getSchemaNode();
    if (complete.size() > 1) {
      List<String> mixed = complete.stream()
          .map(i -> SchemaPhrases.alternatives(schema, branches.get(i)).get(0)).toList();
      return article(kind) + " is one kind only, but this one mixes "
          + String.join(" and ", mixed) + "; write them as separate items";
    }
    List<String> present = new ArrayList<>(required(branches.get(best.get(0))));
    present.retainAll(map.fields().keySet());
    if (present.isEmpty()) {
      return article(kind) + " needs " + kinds;
    }
    List<String> needed = best.stream()
        .map(i -> SchemaPhrases.quotedAnd(missing(map, branches.get(i)))).toList();
    return article(kind) + " with " + SchemaPhrases.quotedAnd(present) + " also needs "
        + SchemaPhrases.joinOr(needed);
  }

  // A key no branch declares is wrong whatever kind was meant, so it is reported on its own.
  private static List<SpecProblem> unknownKeys(
      MapNode map, List<JsonNode> schemas, String explanation) {
    boolean allClosed = schemas.stream()
        .allMatch(s -> s.path("additionalProperties").isBoolean()
            && !s.path("additionalProperties").asBoolean());
    if (!allClosed) {
      return List.of();
    }
    Set<String> allowed = new LinkedHashSet<>();
    schemas.forEach(s -> allowed.addAll(SpecSchema.propertyNames(s)));
    return map.fields().keySet().stream()
        .filter(key -> !allowed.contains(key))
        .map(key -> SchemaErrorTranslator.unknownKeyProblem(
            map, key, List.copyOf(allowed), "(" + explanation + ")"))
        .toList();
  }

  private List<Integer> bestByRequiredKeys(MapNode map, JsonNode branches, List<Integer> fitting) {
    int bestScore = -1;
    List<Integer> best = new ArrayList<>();
    for (int branch : fitting) {
      List<String> keys = required(branches.get(branch));
      int score = (int) keys.stream().filter(map.fields()::containsKey).count();
      if (score > bestScore) {
        bestScore = score;
        best.clear();
      }
      if (score == bestScore) {
        best.add(branch);
      }
    }
    return best;
  }

  private List<String> required(JsonNode branch) {
    return SpecSchema.strings(schema.resolve(branch).path("required"));
  }

  private List<String> missing(MapNode map, JsonNode branch) {
    return required(branch).stream().filter(key -> !map.has(key)).toList();
  }

  private List<String> alternatives(JsonNode branches) {
    List<String> phrases = new ArrayList<>();
    branches.forEach(branch -> phrases.addAll(SchemaPhrases.alternatives(schema, branch)));
    return phrases;
  }

  private static Map<Integer, List<Error>> byBranch(Error choice, List<Error> owned) {
    String prefix = choice.getEvaluationPath().toString() + "/";
    Map<Integer, List<Error>> groups = new TreeMap<>();
    for (Error error : owned) {
      if (!SchemaErrorTranslator.owns(choice, error)) {
        continue;
      }
      String rest = error.getEvaluationPath().toString().substring(prefix.length());
      int end = rest.indexOf('/');
      String index = end < 0 ? rest : rest.substring(0, end);
      if (index.matches("[0-9]+")) {
        groups.computeIfAbsent(Integer.parseInt(index), i -> new ArrayList<>()).add(error);
      }
    }
    return groups;
  }

  // Type errors inside a nested oneOf do not count: that oneOf may still fit another way.
  private static boolean hasTypeErrorAt(NodePath instance, List<Error> errors) {
    return SchemaErrorTranslator.outermost(errors).stream()
        .anyMatch(e -> "type".equals(e.getKeyword()) && e.getInstanceLocation().equals(instance));
  }

  /** What the thing is called in messages: the schema definition's name, or the key. */
  private static String kindName(Error choice, SpecNode instance) {
    NodePath fragment = choice.getSchemaLocation().getFragment();
    if (fragment.getNameCount() == 3 && "$defs".equals(fragment.getName(0))) {
      return fragment.getName(1);
    }
    String path = instance.path().replaceAll("\\[[0-9]+]$", "");
    return path.substring(path.lastIndexOf('.') + 1);
  }

  private static String article(String noun) {
    boolean vowel = !noun.isEmpty() && "aeiou".indexOf(noun.toLowerCase(Locale.ROOT).charAt(0))
        >= 0;
    return (vowel ? "an " : "a ") + noun;
  }
}
