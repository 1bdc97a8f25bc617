package dev.cairn.registry.runtime;

import dev.cairn.client.model.Validation;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.artifact.FormatValidation;
import dev.cairn.registry.version.CheckOutcome;
import dev.cairn.runtime.LoadedModel;
import dev.cairn.runtime.ModelRuntimes;
import dev.cairn.runtime.RuntimeFailure;
import dev.cairn.runtime.colorsignature.ImageRejected;
import dev.cairn.runtime.colorsignature.StdModel;
import dev.cairn.runtime.colorsignature.StdModelJson;
import dev.cairn.runtime.colorsignature.StdRegistrationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validation of {@code color-signature} versions. The registry trusts no uploaded standard: it
 * rebuilds the standard from the version's STD images ({@code std/…}) with the settings in its
 * metadata, records the {@code STD_REGISTRATION} phase, and requires {@code signature.json} to be
 * exactly the rebuilt bytes ({@code CFG_MISMATCH:<variant>} otherwise) and to load.
 */
public final class StandardValidation implements FormatValidation {

  static final String PHASE = "STD_REGISTRATION";
  private final ModelRuntimes runtimes;
  private final VersionBytes bytes;

  public StandardValidation(ModelRuntimes runtimes, VersionBytes bytes) {
    this.runtimes = runtimes;
    this.bytes = bytes;
  }

  @Override
  public Optional<String> runtimeFor(String format) {
    return runtimes.forFormat(format).map(r -> r.format() + " runtime " + r.version());
  }

  @Override
  public Validation validate(Version version) {
    List<VersionFile> images =
        version.files().stream().filter(f -> f.path().startsWith("std/")).toList();
    try (LocalCopy copy = LocalCopy.of(bytes, version.files())) {
      StdRegistrationResult phase =
          StandardCheck.run(
              version.variant(),
              images.stream()
                  .map(
                      f ->
                          new StandardCheck.Image(f.path(), f.sha256(), copy.files().get(f.path())))
                  .toList(),
              StandardSettings.of(version.metadata(), declared(copy)));
      return new Validation(
          CheckOutcome.PASSED.wire(), load(version, copy, phase), Map.of(PHASE, phase.code()));
    } catch (IOException e) {
      return new Validation(CheckOutcome.FAILED.wire(), CheckOutcome.NOT_RUN.wire(), Map.of());
    } catch (ImageRejected | IllegalArgumentException e) {
      return new Validation(
          CheckOutcome.PASSED.wire(), "MODEL_LOAD_FAILED:" + version.variant(), Map.of());
    }
  }

  /** The stored {@code signature.json}, if the version has a readable one. */
  private static Optional<StdModel> declared(LocalCopy copy) {
    var file = copy.files().get(StdModel.FILE_NAME);
    if (file == null) {
      return Optional.empty();
    }
    try (var in = Files.newInputStream(file)) {
      return Optional.of(StdModelJson.read(in));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private String load(Version version, LocalCopy copy, StdRegistrationResult phase)
      throws IOException {
    var file = copy.files().get(StdModel.FILE_NAME);
    if (file == null) {
      return phase.model().isPresent()
          ? "MODEL_LOAD_FAILED:" + version.variant()
          : CheckOutcome.NOT_RUN.wire();
    }
    byte[] stored = Files.readAllBytes(file);
    if (phase.model().isPresent()
        && !Arrays.equals(stored, StdModelJson.write(phase.model().get()))) {
      return "CFG_MISMATCH:" + version.variant();
    }
    try (LoadedModel loaded =
        runtimes.load(version.format(), LoadValidation.artifact(version, copy.files()))) {
      return CheckOutcome.PASSED.wire();
    } catch (RuntimeFailure e) {
      return e.code();
    }
  }
}
