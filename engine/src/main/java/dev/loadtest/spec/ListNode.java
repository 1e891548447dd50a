package dev.loadtest.spec;

import java.util.List;

/** A YAML sequence. */
public record ListNode(List<SpecNode> elements, SourceLocation location, String path)
    implements SpecNode {

  public ListNode {
    elements = List.copyOf(elements);
  }

  @Override
  public String kindDescription() {
    return "a list";
  }

  @Override
  public String toString() {
    return "ListNode[" + path + " size=" + elements.size() + " at " + location + "]";
  }
}
