package dev.loadtest.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Gives each distinct request name a dense index, in order of first appearance. */
final class RequestNames {

  private final Map<String, Integer> keys = new HashMap<>();
  private final List<String> names = new ArrayList<>();

  int keyOf(String name) {
    return keys.computeIfAbsent(name, added -> {
      names.add(added);
      return names.size() - 1;
    });
  }

  boolean contains(String name) {
    return keys.containsKey(name);
  }

  List<String> all() {
    return List.copyOf(names);
  }
}
