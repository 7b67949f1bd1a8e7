package org.pinpointcds.ops;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A parsed YAML or JSON document, walked by keys; a missing key gives an absent tree, never an exception. */
record Tree(Object node) {

  static Tree of(Object node) {
    return new Tree(node);
  }

  Object get(String... path) {
    Object node = this.node;
    for (String key : path) {
      node = node instanceof Map<?, ?> map ? map.get(key) : null;
    }
    return node;
  }

  Tree tree(String... path) {
    return new Tree(get(path));
  }

  String text(String... path) {
    Object value = get(path);
    return value == null ? null : value.toString();
  }

  boolean present() {
    return node != null;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> map() {
    return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  Set<String> keys() {
    return map().keySet();
  }

  List<Object> list(String... path) {
    return get(path) instanceof List<?> list ? List.copyOf(list) : List.of();
  }

  List<Tree> trees(String... path) {
    return list(path).stream().map(Tree::new).toList();
  }
}
