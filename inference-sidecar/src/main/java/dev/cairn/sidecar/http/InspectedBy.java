package dev.cairn.sidecar.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.sidecar.fleet.ServedModel;
import dev.cairn.sidecar.serving.ServingSet;
import java.util.Map;

/**
 * The {@code model} object of an {@code /inspect} answer: who judged — the model's name, its {@code
 * sku} and {@code ink} labels, the variant of the verdict with its version and digest — and the
 * generation with every variant's version. Fields are only ever added, so older clients read on.
 */
final class InspectedBy {

  private InspectedBy() {}

  /** No model serves the request: generation 0 and no versions. */
  static void none(ObjectNode body) {
    body.putObject("model").put("generation", 0).putObject("versions");
  }

  /** {@code served}'s set {@code set} judged in {@code variant}. */
  static void write(ObjectNode body, ServedModel served, ServingSet set, String variant) {
    ObjectNode model = body.putObject("model").put("name", served.name());
    Map<String, String> labels = served.labels() == null ? Map.of() : served.labels();
    for (String label : new String[] {"sku", "ink"}) {
      if (labels.get(label) != null) {
        model.put(label, labels.get(label));
      }
    }
    model.put("variant", variant);
    ServingSet.Served judged = set.variants().get(variant);
    if (judged != null) {
      model.put("version", judged.version()).put("digest", judged.digest());
    }
    model.put("generation", set.generation());
    ObjectNode versions = model.putObject("versions");
    set.variants().forEach((name, each) -> versions.put(name, each.version()));
  }
}
