package dev.cairn.cli;

import dev.cairn.client.model.FileDeclaration;
import java.util.List;
import java.util.Map;

/**
 * What {@code version push} was asked for: local files (path in the version → file), references the
 * registry fetches itself, and the version's name, variant, format, labels and metadata.
 */
record PushRequest(
    Map<String, LocalFiles.LocalFile> files,
    List<FileDeclaration> references,
    String name,
    String variant,
    String format,
    Map<String, String> labels,
    Map<String, String> metadata,
    int parallel) {}
