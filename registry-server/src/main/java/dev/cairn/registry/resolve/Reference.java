package dev.cairn.registry.resolve;

import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Names;

/**
 * A parsed {@code ref}: {@code model@alias}, {@code model:version}, or {@code model} (=
 * production).
 */
record Reference(String model, String alias, String version) {

  static Reference parse(String ref) {
    if (ref == null || ref.isBlank()) {
      throw ApiException.badRequest("ref is required: model@alias, model:version or model");
    }
    int at = ref.indexOf('@');
    int colon = ref.indexOf(':');
    if (at > 0 && colon < 0) {
      return new Reference(
          Names.resource("model", ref.substring(0, at)),
          Names.resource("alias", ref.substring(at + 1)),
          null);
    }
    if (colon > 0 && at < 0) {
      return new Reference(
          Names.resource("model", ref.substring(0, colon)),
          null,
          Names.resource("version", ref.substring(colon + 1)));
    }
    if (at < 0 && colon < 0) {
      return new Reference(Names.resource("model", ref), "production", null);
    }
    throw ApiException.badRequest(
        "ref must be model@alias, model:version or model; got '" + ref + "'");
  }

  /** The part of the cache key below the model. */
  String selector(String variant) {
    return (alias != null ? "@" + alias : ":" + version) + "/" + (variant == null ? "" : variant);
  }
}
