package dev.cairn.registry.version;

import dev.cairn.client.model.VersionCreate;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Names;
import dev.cairn.registry.domain.Text;
import dev.cairn.registry.model.Labels;
import dev.cairn.registry.model.StoredModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A version declaration held to every rule that needs no lock: its name when it gives one, its
 * files, free text, runtime, format and labels; and the variant it takes in its model.
 */
record VersionDeclaration(
    Optional<String> name, List<VersionFile> files, String format, Map<String, String> labels) {

  /** {@code request} checked, or 400/413 for the first rule it breaks. */
  static VersionDeclaration checked(VersionCreate request, VersionRules rules) {
    Optional<String> name =
        Optional.ofNullable(request.version()).map(n -> Names.resource("version", n));
    List<VersionFile> files = FileDeclarations.valid(request.files());
    Text.lines("notes", request.notes());
    Text.lines("description", request.description());
    Text.document("metadata", request.metadata());
    Text.document("provenance", request.provenance());
    if (request.runtime() != null) {
      Text.line("runtime.name", request.runtime().name());
      Text.line("runtime.min_version", request.runtime().minVersion());
    }
    String format = rules.check(request);
    return new VersionDeclaration(name, files, format, Labels.valid(request.labels()));
  }

  /** The variant {@code requested} names in model {@code m} (its default when null), or 422. */
  static String variant(StoredModel m, String requested) {
    String variant = requested == null ? m.view().defaultVariant() : requested;
    if (!m.view().variants().contains(variant)) {
      throw new ApiException(
          422,
          "VARIANT_MISMATCH:" + variant,
          "model '"
              + m.view().name()
              + "' has no variant '"
              + variant
              + "'; its variants are "
              + m.view().variants());
    }
    return variant;
  }
}
