package dev.loadtest.spec;

/**
 * A node of a loaded spec: the YAML tree after overlays, {@code --set} values and environment
 * substitution, each node remembering where it was written and its path from the root.
 *
 * <p>Paths read like the YAML a user sees: {@code scenarios[0].tasks[1].request.path}; the root
 * has the empty path. Nodes are immutable.
 */
public sealed interface SpecNode permits MapNode, ListNode, ScalarNode {

  /** Where this node's value was written. */
  SourceLocation location();

  /** Path from the root, e.g. {@code target.baseUrl}; empty for the root. */
  String path();

  /** A short word for the kind of node, for error messages: "a mapping", "a list", "text". */
  String kindDescription();

  /** Path of a child field, joining with a dot unless this is the root. */
  static String childPath(String parentPath, String key) {
    return parentPath.isEmpty() ? key : parentPath + "." + key;
  }

  /** Path of a list element. */
  static String elementPath(String parentPath, int index) {
    return parentPath + "[" + index + "]";
  }
}
