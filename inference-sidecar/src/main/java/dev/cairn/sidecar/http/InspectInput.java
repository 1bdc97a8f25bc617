package dev.cairn.sidecar.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.common.multipart.MultipartReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The body of {@code POST /inspect}: JSON {@code {paths, mode, phase, expected_ink_count, model,
 * sku, ink}} ({@code model}, or {@code sku} and {@code ink}, pick a fleet's model) with paths under
 * {@code CAIRN_IMAGE_ROOTS}, or multipart with {@code images} file parts and the same fields as
 * text parts. Images are held encoded and their headers read here ({@link RequestImages}: a bad one
 * is a 400 naming it, too many images or pixels a 413); they are decoded one at a time later.
 */
record InspectInput(
    List<HeldImage> images,
    String mode,
    String phase,
    Integer expectedInkCount,
    String model,
    String sku,
    String ink) {

  static final String INSPECTION = "INSPECTION";
  static final String STD_REGISTRATION = "STD_REGISTRATION";

  static InspectInput read(
      String contentType, InputStream body, ObjectMapper json, RequestImages images)
      throws IOException {
    InspectInput input =
        contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
            ? multipart(contentType, body, images)
            : fromJson(json.readTree(body), images);
    if (input.images().isEmpty()) {
      throw Problem.badRequest("NO_IMAGES", "give paths or images to inspect");
    }
    if (!INSPECTION.equals(input.phase()) && !STD_REGISTRATION.equals(input.phase())) {
      throw Problem.badRequest("BAD_PHASE", "phase is INSPECTION or STD_REGISTRATION");
    }
    if (input.expectedInkCount() != null
        && (input.expectedInkCount() < 1 || input.expectedInkCount() > 8)) {
      throw Problem.badRequest("BAD_INK_COUNT", "expected_ink_count must be 1 to 8");
    }
    return input;
  }

  private static InspectInput fromJson(JsonNode body, RequestImages images) {
    if (body == null || !body.isObject()) {
      throw Problem.badRequest("BAD_REQUEST", "the body must be a JSON object");
    }
    images.expect(body.path("paths").size());
    for (JsonNode path : body.path("paths")) {
      images.addFile(path.asText());
    }
    return new InspectInput(
        images.held(),
        text(body, "mode").orElse(null),
        text(body, "phase").orElse(INSPECTION),
        body.hasNonNull("expected_ink_count") ? body.get("expected_ink_count").asInt() : null,
        text(body, "model").orElse(null),
        text(body, "sku").orElse(null),
        text(body, "ink").orElse(null));
  }

  private static InspectInput multipart(String contentType, InputStream body, RequestImages images)
      throws IOException {
    MultipartReader reader = new MultipartReader(body, MultipartReader.boundary(contentType));
    String mode = null;
    String phase = INSPECTION;
    Integer inks = null;
    Map<String, String> route = new HashMap<>();
    Optional<MultipartReader.Part> next;
    while ((next = reader.next()).isPresent()) {
      MultipartReader.Part part = next.get();
      switch (part.name()) {
        case "images", "images[]" ->
            images.addUpload(
                part.content(), part.filename().orElse("image" + images.held().size()));
        case "mode" -> mode = small(part);
        case "phase" -> phase = small(part);
        case "expected_ink_count" -> inks = integer(small(part));
        case "model", "sku", "ink" -> route.put(part.name(), small(part));
        default -> part.content().transferTo(OutputStream.nullOutputStream());
      }
    }
    return new InspectInput(
        images.held(), mode, phase, inks, route.get("model"), route.get("sku"), route.get("ink"));
  }

  private static String small(MultipartReader.Part part) throws IOException {
    return new String(part.content().readNBytes(256), StandardCharsets.UTF_8).strip();
  }

  private static Integer integer(String value) {
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw Problem.badRequest("BAD_INK_COUNT", "expected_ink_count must be a whole number");
    }
  }

  private static Optional<String> text(JsonNode body, String field) {
    return body.hasNonNull(field)
        ? Optional.of(ClientText.field(field, body.get(field).asText()))
        : Optional.empty();
  }
}
