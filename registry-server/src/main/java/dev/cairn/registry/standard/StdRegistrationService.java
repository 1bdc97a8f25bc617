package dev.cairn.registry.standard;

import dev.cairn.client.model.Model;
import dev.cairn.client.model.RuntimeRequirement;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.artifact.LocalFilePublisher;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Text;
import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.runtime.StandardCheck;
import dev.cairn.registry.version.AutoName;
import dev.cairn.runtime.colorsignature.ImageRejected;
import dev.cairn.runtime.colorsignature.StdModel;
import dev.cairn.runtime.colorsignature.StdModelJson;
import dev.cairn.runtime.colorsignature.StdRegistrationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@code POST …/models/{m}/std-registrations} (seed 000's register and validate): builds a
 * colour-signature version of one mode from its STD images, which stay in the version as {@code
 * std/img<n>} for provenance. The version is {@code READY} with {@code STD_ACCEPTABLE}, else {@code
 * FAILED} with the phase code; a dry run answers the phase result and keeps nothing.
 */
public final class StdRegistrationService {

  private final Db db;
  private final ModelLookup models;
  private final LocalFilePublisher publisher;
  private final long maxFileBytes;

  public StdRegistrationService(
      Db db, ModelLookup models, LocalFilePublisher publisher, long maxFileBytes) {
    this.db = db;
    this.models = models;
    this.publisher = publisher;
    this.maxFileBytes = maxFileBytes;
  }

  /** Registers (or dry-runs) and returns a {@link Version} or a {@link StdRegistrationReport}. */
  public Object register(
      Actor actor,
      String project,
      String model,
      String contentType,
      InputStream body,
      boolean dryRun) {
    Model target = db.read(exec -> models.model(exec, project, model)).view();
    try (StdRegistrationForm form = StdRegistrationForm.read(contentType, body, maxFileBytes)) {
      String variant = StdRegistrationInputs.variant(form, target);
      if (form.images().isEmpty()) {
        throw ApiException.badRequest("std_images needs at least one image");
      }
      StandardCheck.Settings settings = StdRegistrationInputs.settings(form, target, variant);
      StdRegistrationResult result =
          StandardCheck.run(variant, StdRegistrationInputs.images(form), settings);
      return dryRun
          ? report(form, variant, settings, result)
          : publish(actor, project, model, form, variant, settings, result);
    } catch (ImageRejected e) {
      throw new ApiException(400, e.code(), e.getMessage());
    } catch (IOException e) {
      throw ApiException.badRequest("the upload was interrupted: " + e.getMessage());
    }
  }

  private Version publish(
      Actor actor,
      String project,
      String model,
      StdRegistrationForm form,
      String variant,
      StandardCheck.Settings settings,
      StdRegistrationResult result) {
    Map<String, Path> files = new LinkedHashMap<>();
    form.images().forEach(image -> files.put(image.path(), image.file()));
    if (result.model().isPresent()) {
      Path signature = form.scratch(StdModel.FILE_NAME);
      try {
        Files.write(signature, StdModelJson.write(result.model().get()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      files.put(StdModel.FILE_NAME, signature);
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("expected_ink_count", settings.expectedInkCount());
    metadata.put("tolerance_de00", settings.tolerances().de00());
    metadata.put("share_tolerance", settings.tolerances().share());
    metadata.put("min_std_images", settings.minStdImages());
    Map<String, Object> provenance = new LinkedHashMap<>();
    form.field("created_by")
        .ifPresent(by -> provenance.put("registered_by", Text.line("created_by", by)));
    provenance.put("std_images", form.images().stream().map(i -> i.filename()).toList());
    VersionCreate request =
        new VersionCreate(
            null,
            variant,
            StdModel.ENGINE,
            new RuntimeRequirement(StdModel.ENGINE, Integer.toString(StdModel.ENGINE_VERSION)),
            metadata,
            provenance,
            List.of(),
            null,
            form.field("notes").orElse(null),
            null);
    // A standard that is not acceptable is kept (audited, listed with ?state=FAILED) under a
    // failed-<n> name, so that the v<n> of accepted standards stay dense (README, STD numbering).
    AutoName series = result.acceptable() ? AutoName.NUMBERED : AutoName.FAILED_ATTEMPT;
    return publisher.publish(actor, project, model, request, files, series);
  }

  private static StdRegistrationReport report(
      StdRegistrationForm form,
      String variant,
      StandardCheck.Settings settings,
      StdRegistrationResult result) {
    List<StdRegistrationReport.ImageResult> images =
        IntStream.range(0, form.images().size())
            .mapToObj(
                i -> {
                  var upload = form.images().get(i);
                  var finding = result.images().get(i);
                  return new StdRegistrationReport.ImageResult(
                      upload.filename(),
                      upload.path(),
                      upload.sha256(),
                      finding.reasons(),
                      finding.inks().stream()
                          .map(
                              ink ->
                                  new StdRegistrationReport.InkResult(
                                      List.of(ink.lab().l(), ink.lab().a(), ink.lab().b()),
                                      ink.share()))
                          .toList());
                })
            .toList();
    return new StdRegistrationReport(
        "STD_REGISTRATION",
        result.code(),
        variant,
        settings.expectedInkCount(),
        images,
        result.model().orElse(null));
  }
}
