package dev.cairn.registry.runtime;

import dev.cairn.client.model.Validation;
import dev.cairn.client.model.Version;
import dev.cairn.registry.artifact.FormatValidation;
import dev.cairn.registry.version.CheckOutcome;
import dev.cairn.runtime.LoadedModel;
import dev.cairn.runtime.ModelArtifact;
import dev.cairn.runtime.ModelRuntimes;
import dev.cairn.runtime.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Validation of formats whose test is "it loads" (ONNX): the version's files are copied locally,
 * loaded through the runtime a sidecar would use, and closed. {@code load} is {@code PASSED} or the
 * failure code ({@code RUNTIME_INCOMPATIBLE}, {@code MODEL_LOAD_FAILED:<variant>}, …).
 */
public final class LoadValidation implements FormatValidation {

  private final ModelRuntimes runtimes;
  private final VersionBytes bytes;

  public LoadValidation(ModelRuntimes runtimes, VersionBytes bytes) {
    this.runtimes = runtimes;
    this.bytes = bytes;
  }

  @Override
  public Optional<String> runtimeFor(String format) {
    return runtimes.forFormat(format).map(r -> r.format() + " runtime " + r.version());
  }

  @Override
  public Validation validate(Version version) {
    try (LocalCopy copy = LocalCopy.of(bytes, version.files());
        LoadedModel loaded = runtimes.load(version.format(), artifact(version, copy.files()))) {
      return new Validation(CheckOutcome.PASSED.wire(), CheckOutcome.PASSED.wire(), Map.of());
    } catch (RuntimeFailure e) {
      return new Validation(CheckOutcome.PASSED.wire(), e.code(), Map.of());
    } catch (IOException e) {
      return new Validation(CheckOutcome.FAILED.wire(), CheckOutcome.NOT_RUN.wire(), Map.of());
    }
  }

  static ModelArtifact artifact(Version version, Map<String, Path> files) {
    return new ModelArtifact(version.variant(), version.version(), files, Requirements.of(version));
  }
}
