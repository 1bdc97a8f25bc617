package dev.cairn.registry.config;

import java.nio.file.Path;
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
    List<AddressRange> allowedRanges) {}
