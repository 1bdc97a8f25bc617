package dev.cairn.runtime.colorsignature;

import dev.cairn.runtime.LoadedModel;
import dev.cairn.runtime.ModelArtifact;
import dev.cairn.runtime.ModelRuntime;
import dev.cairn.runtime.RuntimeFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Loads {@code color-signature} versions: reads {@code signature.json} and checks it belongs to
 * this engine, an engine version it knows, and the variant it was registered under (spec 60
 * "Errors").
 */
public final class ColorSignatureRuntime implements ModelRuntime {

  @Override
  public String format() {
    return StdModel.ENGINE;
  }

  @Override
  public Set<String> names() {
    return Set.of(StdModel.ENGINE);
  }

  @Override
  public String version() {
    return Integer.toString(StdModel.ENGINE_VERSION);
  }

  @Override
  public LoadedModel load(ModelArtifact artifact) throws RuntimeFailure {
    String variant = artifact.variant();
    Path file = artifact.files().get(StdModel.FILE_NAME);
    if (file == null) {
      throw RuntimeFailure.loadFailed(variant, "the version has no " + StdModel.FILE_NAME, null);
    }
    StdModel model;
    try (InputStream in = Files.newInputStream(file)) {
      model = StdModelJson.read(in);
    } catch (IOException e) {
      throw RuntimeFailure.loadFailed(variant, StdModel.FILE_NAME + " is unreadable", e);
    }
    check(model, variant);
    return new ColorSignatureModel(variant, model);
  }

  private static void check(StdModel model, String variant) throws RuntimeFailure {
    if (!StdModel.ENGINE.equals(model.engine())) {
      throw RuntimeFailure.configMismatch(variant, "engine is " + model.engine());
    }
    if (model.engineVersion() > StdModel.ENGINE_VERSION) {
      throw RuntimeFailure.configMismatch(
          variant,
          "engine_version " + model.engineVersion() + " is newer than " + StdModel.ENGINE_VERSION);
    }
    if (!variant.equals(model.mode())) {
      throw RuntimeFailure.configMismatch(
          variant, "the standard is for mode " + model.mode() + ", registered as " + variant);
    }
    if (model.inks() == null || model.inks().isEmpty() || model.params() == null) {
      throw RuntimeFailure.loadFailed(variant, "the standard has no inks or no params", null);
    }
  }
}
