package dev.cairn.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Body of a JSON {@code POST …/versions}. Without {@code version} the server assigns the next
 * {@code v<n>}; without {@code variant} the model's default variant is used. With {@code
 * artifacts_dir} (a directory under the server's {@code CAIRN_FILE_ROOTS}) instead of {@code
 * files}, the server imports every file in it and answers with the published version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionCreate(
    String version,
    String variant,
    String format,
    RuntimeRequirement runtime,
    Map<String, Object> metadata,
    Map<String, Object> provenance,
    List<FileDeclaration> files,
    Map<String, String> labels,
    String notes,
    String description,
    String artifactsDir) {

  public VersionCreate(
      String version,
      String variant,
      String format,
      RuntimeRequirement runtime,
      Map<String, Object> metadata,
      Map<String, Object> provenance,
      List<FileDeclaration> files,
      Map<String, String> labels,
      String notes,
      String description) {
    this(
        version,
        variant,
        format,
        runtime,
        metadata,
        provenance,
        files,
        labels,
        notes,
        description,
        null);
  }

  /** A version of the given format with everything else left to the server's defaults. */
  public static VersionCreate ofFormat(String format) {
    return new VersionCreate(null, null, format, null, null, null, null, null, null, null);
  }

  public VersionCreate named(String name) {
    return new VersionCreate(
        name,
        variant,
        format,
        runtime,
        metadata,
        provenance,
        files,
        labels,
        notes,
        description,
        artifactsDir);
  }

  public VersionCreate forVariant(String newVariant) {
    return new VersionCreate(
        version,
        newVariant,
        format,
        runtime,
        metadata,
        provenance,
        files,
        labels,
        notes,
        description,
        artifactsDir);
  }

  public VersionCreate withFiles(List<FileDeclaration> newFiles) {
    return new VersionCreate(
        version,
        variant,
        format,
        runtime,
        metadata,
        provenance,
        newFiles,
        labels,
        notes,
        description,
        artifactsDir);
  }

  public VersionCreate withLabels(Map<String, String> newLabels) {
    return new VersionCreate(
        version,
        variant,
        format,
        runtime,
        metadata,
        provenance,
        files,
        newLabels,
        notes,
        description,
        artifactsDir);
  }

  /** Every file of {@code directory} (under the server's file roots), imported by the server. */
  public VersionCreate fromArtifactsDir(String directory) {
    return new VersionCreate(
        version,
        variant,
        format,
        runtime,
        metadata,
        provenance,
        files,
        labels,
        notes,
        description,
        directory);
  }
}
