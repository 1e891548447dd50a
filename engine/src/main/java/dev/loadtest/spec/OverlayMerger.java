package dev.loadtest.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Merges an overlay file onto a base: mappings merge key by key, recursively; a list or scalar
 * in the overlay replaces the base's node whole. A node keeps the location of the file that
 * wrote it, so an error in a merged spec points into the right file. Stateless.
 */
final class OverlayMerger {

  private OverlayMerger() {}

  /** The overlay merged onto the base; both must describe the same path. */
  static SpecNode merge(SpecNode base, SpecNode overlay) {
    if (base instanceof MapNode baseMap && overlay instanceof MapNode overlayMap) {
      return mergeMaps(baseMap, overlayMap);
    }
    return overlay;
  }

  /** The same as {@link #merge} for two top-level mappings. */
  static MapNode mergeRoots(MapNode base, MapNode overlay) {
    return mergeMaps(base, overlay);
  }

  // The merged mapping stays where the base wrote it: that is where its first keys are.
  private static MapNode mergeMaps(MapNode base, MapNode overlay) {
    Map<String, SpecNode> fields = new LinkedHashMap<>(base.fields());
    Map<String, SourceLocation> keyLocations = new LinkedHashMap<>(base.keyLocations());
    overlay.fields().forEach((key, value) -> {
      SpecNode previous = fields.get(key);
      fields.put(key, previous == null ? value : merge(previous, value));
      if (previous == null || !(previous instanceof MapNode && value instanceof MapNode)) {
        keyLocations.put(key, overlay.keyLocation(key));
      }
    });
    return new MapNode(fields, keyLocations, base.location(), base.path());
  }
}
