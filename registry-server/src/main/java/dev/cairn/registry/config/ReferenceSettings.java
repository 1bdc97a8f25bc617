package dev.cairn.registry.config;

import static dev.cairn.registry.config.ConfigValues.optional;

import io.helidon.config.Config;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Where reference files may come from (spec 40-security): {@code file} URIs only under these roots,
 * {@code http} only when allowed, addresses inside the network only in {@code allowedRanges}
 * ({@code CAIRN_REFERENCE_ALLOW_CIDRS}) or, for link-local ones, when allowed; files under the
 * roots with more than one hard link only when {@code allowHardLinks}.
 */
public record ReferenceSettings(
    List<Path> fileRoots,
    boolean allowHardLinks,
    boolean allowHttp,
    boolean allowLinkLocal,
    List<AddressRange> allowedRanges) {

  static ReferenceSettings read(Config c) {
    return new ReferenceSettings(
        optional(c, "references.file-roots").stream()
            .flatMap(s -> Arrays.stream(s.split(",")))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(s -> Path.of(s).toAbsolutePath().normalize())
            .toList(),
        c.get("references.file-roots-allow-hard-links").asBoolean().orElse(false),
        c.get("references.allow-http").asBoolean().orElse(true),
        c.get("references.allow-link-local").asBoolean().orElse(false),
        ranges(optional(c, "references.allow-cidrs").orElse("")));
  }

  private static List<AddressRange> ranges(String cidrs) {
    try {
      return Arrays.stream(cidrs.split(","))
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .map(AddressRange::parse)
          .toList();
    } catch (IllegalArgumentException e) {
      throw new StartupException("CAIRN_REFERENCE_ALLOW_CIDRS: " + e.getMessage());
    }
  }
}
