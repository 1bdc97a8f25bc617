package dev.cairn.operator.modelversion;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.client.model.VersionFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The registry side of a ModelVersion: makes sure project and model exist, declares the version
 * with every file as a reference pinned to the digest the operator verified, and completes it (the
 * registry fetches and checks the bytes again). Idempotent: a version of that name with the same
 * files is adopted; one with other files is a {@link VersionConflictException}.
 */
final class VersionRegistration {

  /** Registry codes that mean "not yet" rather than "no": retried like an unreachable registry. */
  static final String REFERENCE_FETCH_FAILED = "REFERENCE_FETCH_FAILED";

  private final CairnClient registry;

  VersionRegistration(CairnClient registry) {
    this.registry = registry;
  }

  /** The registry version after registering; READY unless the registry refused the bytes. */
  Version register(
      String project,
      ModelVersionSpec spec,
      List<String> modelVariants,
      Map<String, SourceDigest> verified) {
    ensureModel(project, spec.model(), modelVariants);
    Version version;
    try {
      version = registry.versions().get(project, spec.model(), spec.version());
      requireSameFiles(spec, version);
    } catch (CairnApiException e) {
      if (e.status() != 404) {
        throw e;
      }
      version = registry.versions().create(project, spec.model(), declaration(spec, verified));
    }
    if (Version.State.PENDING.is(version.state())) {
      version = registry.versions().complete(project, spec.model(), spec.version());
    }
    return version;
  }

  private void ensureModel(String project, String model, List<String> variants) {
    try {
      registry.models().get(project, model);
      return;
    } catch (CairnApiException e) {
      if (e.status() != 404) {
        throw e;
      }
      if ("PROJECT_NOT_FOUND".equals(e.code())) {
        createProject(project);
      }
    }
    String defaultVariant = variants.contains("default") ? "default" : variants.get(0);
    try {
      registry
          .models()
          .create(project, ModelCreate.named(model).withVariants(variants, defaultVariant));
    } catch (CairnApiException e) {
      if (e.status() != 409) {
        throw e;
      }
    }
  }

  private void createProject(String project) {
    try {
      registry.projects().create(ProjectCreate.named(project));
    } catch (CairnApiException e) {
      if (e.status() != 409) {
        throw e;
      }
    }
  }

  private static VersionCreate declaration(ModelVersionSpec spec, Map<String, SourceDigest> sums) {
    List<FileDeclaration> files = new ArrayList<>();
    for (FileSource f : spec.files()) {
      files.add(new FileDeclaration(f.path(), f.sha256(), sums.get(f.path()).sizeBytes(), f.uri()));
    }
    Map<String, Object> metadata =
        spec.metadata() == null ? null : new LinkedHashMap<>(spec.metadata());
    return new VersionCreate(
        spec.version(),
        spec.variantOrDefault(),
        spec.format(),
        null,
        metadata,
        null,
        files,
        null,
        null,
        spec.description());
  }

  private static void requireSameFiles(ModelVersionSpec spec, Version existing) {
    Map<String, String> wanted = new TreeMap<>();
    spec.files().forEach(f -> wanted.put(f.path(), f.sha256()));
    Map<String, String> held = new TreeMap<>();
    existing.files().forEach(f -> held.put(f.path(), f.sha256()));
    boolean sameVariant = spec.variantOrDefault().equals(existing.variant());
    if (!wanted.equals(held) || !sameVariant) {
      throw new VersionConflictException(
          "the registry already has "
              + spec.model()
              + ":"
              + spec.version()
              + " (variant "
              + existing.variant()
              + ") with other files: "
              + describe(existing.files())
              + "; publish new bytes under a new version name");
    }
  }

  private static String describe(List<VersionFile> files) {
    return files.stream().map(f -> f.path() + "=sha256:" + f.sha256()).toList().toString();
  }

  /** The version name is taken by other bytes. */
  static final class VersionConflictException extends RuntimeException {
    VersionConflictException(String message) {
      super(message);
    }
  }
}
