package dev.cairn.sidecar.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.runtime.InspectableModel;
import dev.cairn.runtime.colorsignature.InspectionReport;
import dev.cairn.runtime.colorsignature.Inspector;
import dev.cairn.runtime.colorsignature.LoadedModes;
import dev.cairn.runtime.colorsignature.StdModel;
import dev.cairn.sidecar.config.ImageLimits;
import dev.cairn.sidecar.fleet.Fleet;
import dev.cairn.sidecar.fleet.ServedModel;
import dev.cairn.sidecar.metrics.SidecarMetrics;
import dev.cairn.sidecar.serving.ServingSet;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /inspect} (seed 000): inspects images against every loaded mode of one generation,
 * held for the whole request so a swap never mixes generations. When what is loaded cannot judge
 * the images, the answer is the RETAKE that {@link LoadedModes} decides ({@code MODEL_NOT_FOUND},
 * {@code MODEL_INCOMPLETE:<variant>}). {@code phase=STD_REGISTRATION} checks the images as a
 * standard of the requested mode instead ({@link StandardCheck}). Images are decoded and inspected
 * one at a time ({@link RequestImages}).
 */
public final class InspectRoutes implements HttpService {

  /** How long a request for a cold model waits for it to load. */
  static final Duration COLD_LOAD = Duration.ofSeconds(30);

  private final Fleet fleet;
  private final JsonResponses responses;
  private final ImageLimits limits;
  private final ImageFiles files;
  private final DecodeBudget budget;
  private final SidecarMetrics metrics;

  InspectRoutes(
      Fleet fleet,
      JsonResponses responses,
      ImageLimits limits,
      ImageFiles files,
      SidecarMetrics metrics) {
    this.fleet = fleet;
    this.responses = responses;
    this.limits = limits;
    this.files = files;
    this.budget = new DecodeBudget(limits.maxDecodingBytes(), DecodeBudget.WAIT);
    this.metrics = metrics;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post("/inspect", this::inspect);
  }

  private void inspect(ServerRequest req, ServerResponse res)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    try (RequestImages images = new RequestImages(limits, files, budget)) {
      InspectInput input =
          InspectInput.read(
              req.headers().first(HeaderNames.CONTENT_TYPE).orElse("application/json"),
              req.content().inputStream(),
              responses.json(),
              images);
      bounded(input);
      inspect(input, images, started, res);
    }
  }

  private void inspect(InspectInput input, RequestImages images, long started, ServerResponse res)
      throws InterruptedException {
    Optional<ServedModel> chosen = fleet.route(input.model(), input.sku(), input.ink());
    if (chosen.isEmpty()) {
      // Seed 000's rule: no model for the request is a RETAKE, never another model's verdict.
      String mode = input.mode() != null ? input.mode() : "default";
      ObjectNode body =
          responses.json().valueToTree(report(LoadedModes.none(), mode, input, images));
      InspectedBy.none(body);
      responses.send(res, 200, body);
      return;
    }
    ServingSet set = fleet.acquire(chosen.get(), COLD_LOAD);
    try {
      String mode = input.mode() != null ? input.mode() : defaultMode(set);
      LoadedModes modes = modes(set);
      ObjectNode body;
      if (InspectInput.STD_REGISTRATION.equals(input.phase())) {
        body =
            StandardCheck.run(responses.json(), modes.standards().get(mode), mode, input, images);
      } else {
        requireKnownMode(set, mode);
        body = responses.json().valueToTree(report(modes, mode, input, images));
      }
      InspectedBy.write(body, chosen.get(), set, mode);
      double seconds = (System.nanoTime() - started) / 1e9;
      body.put("latency_ms", Math.round(seconds * 100_000) / 100.0);
      metrics.request("inspect", seconds);
      responses.send(res, 200, body);
    } finally {
      set.release();
    }
  }

  /** An unknown {@code mode} of a loaded model is the caller's mistake: 400 naming the modes. */
  private static void requireKnownMode(ServingSet set, String mode) {
    List<String> modes = set.target().modelVariants();
    if (!set.variants().isEmpty() && !modes.isEmpty() && !modes.contains(mode)) {
      throw Problem.badRequest(
          "UNKNOWN_MODE",
          "mode '" + ClientText.bounded(mode) + "' is not one of the model's modes " + modes);
    }
  }

  /** The name-like fields, which answers may repeat, refused when longer than a name can be. */
  private static void bounded(InspectInput input) {
    ClientText.field("mode", input.mode());
    ClientText.field("model", input.model());
    ClientText.field("sku", input.sku());
    ClientText.field("ink", input.ink());
  }

  /**
   * The images judged by {@code modes}, or the RETAKE {@link LoadedModes} decides. The images are
   * decoded either way: a damaged one is a 400 whether or not a model can judge it.
   */
  private static InspectionReport report(
      LoadedModes modes, String mode, InspectInput input, RequestImages images) {
    Optional<String> retake = modes.retakeReason(mode);
    if (retake.isPresent()) {
      return InspectionReport.retake(mode, retake.get(), images.each((name, image) -> name));
    }
    List<InspectionReport.ImageReport> reports =
        images.each(
            (name, image) ->
                Inspector.inspectImage(
                    modes.standards(),
                    mode,
                    new Inspector.NamedImage(name, image),
                    input.expectedInkCount()));
    return Inspector.combine(mode, reports);
  }

  /** What the set has loaded, its colour-signature standards in the model's variant order. */
  private static LoadedModes modes(ServingSet set) {
    Map<String, StdModel> standards = new LinkedHashMap<>();
    for (String variant : set.target().modelVariants()) {
      ServingSet.Served served = set.variants().get(variant);
      if (served != null && served.model() instanceof InspectableModel model) {
        standards.put(variant, model.standard());
      }
    }
    return new LoadedModes(set.target().modelVariants(), set.variants().keySet(), standards);
  }

  private static String defaultMode(ServingSet set) {
    if (set.target().defaultVariant() != null) {
      return set.target().defaultVariant();
    }
    List<String> variants = set.target().modelVariants();
    return variants.isEmpty() ? "default" : variants.get(0);
  }
}
