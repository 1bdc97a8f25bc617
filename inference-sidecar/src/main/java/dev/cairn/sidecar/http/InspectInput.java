package dev.cairn.sidecar.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.multipart.MultipartReader;
import dev.cairn.runtime.colorsignature.ImageDecoder;
import dev.cairn.runtime.colorsignature.ImageRejected;
import dev.cairn.runtime.colorsignature.Inspector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The body of {@code POST /inspect}: JSON {@code {paths, mode, phase, expected_ink_count, model,
 * sku, ink}} ({@code model}, or {@code sku} and {@code ink}, pick a fleet's model) with paths under
 * {@code CAIRN_IMAGE_ROOTS}, or multipart with {@code images} file parts and the same fields as
 * text parts. Images are decoded here; a bad one is a 400 naming it.
 */
record InspectInput(
    List<Inspector.NamedImage> images,
    String mode,
    String phase,
    Integer expectedInkCount,
    String model,
    String sku,
    String ink) {

  static final String INSPECTION = "INSPECTION";
  static final String STD_REGISTRATION = "STD_REGISTRATION";

  static InspectInput read(
      String contentType, InputStream body, ObjectMapper json, List<Path> imageRoots)
      throws IOException {
    InspectInput input =
        contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
            ? multipart(contentType, body)
            : fromJson(json.readTree(body), imageRoots);
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

  private static InspectInput fromJson(JsonNode body, List<Path> roots) throws IOException {
    if (body == null || !body.isObject()) {
      throw Problem.badRequest("BAD_REQUEST", "the body must be a JSON object");
    }
    List<Inspector.NamedImage> images = new ArrayList<>();
    for (JsonNode path : body.path("paths")) {
      Path file = allowed(path.asText(), roots);
      try (InputStream in = Files.newInputStream(file)) {
        images.add(decode(in, path.asText()));
      }
    }
    return new InspectInput(
        images,
        text(body, "mode").orElse(null),
        text(body, "phase").orElse(INSPECTION),
        body.hasNonNull("expected_ink_count") ? body.get("expected_ink_count").asInt() : null,
        text(body, "model").orElse(null),
        text(body, "sku").orElse(null),
        text(body, "ink").orElse(null));
  }

  private static InspectInput multipart(String contentType, InputStream body) throws IOException {
    MultipartReader reader = new MultipartReader(body, MultipartReader.boundary(contentType));
    List<Inspector.NamedImage> images = new ArrayList<>();
    String mode = null;
    String phase = INSPECTION;
    Integer inks = null;
    java.util.Map<String, String> route = new java.util.HashMap<>();
    Optional<MultipartReader.Part> next;
    while ((next = reader.next()).isPresent()) {
      MultipartReader.Part part = next.get();
      switch (part.name()) {
        case "images", "images[]" ->
            images.add(decode(part.content(), part.filename().orElse("image" + images.size())));
        case "mode" -> mode = small(part);
        case "phase" -> phase = small(part);
        case "expected_ink_count" -> inks = integer(small(part));
        case "model", "sku", "ink" -> route.put(part.name(), small(part));
        default -> part.content().transferTo(java.io.OutputStream.nullOutputStream());
      }
    }
    return new InspectInput(
        images, mode, phase, inks, route.get("model"), route.get("sku"), route.get("ink"));
  }

  /** A path inside one of the roots, after resolving links, or a 400. */
  private static Path allowed(String requested, List<Path> roots) throws IOException {
    Path real;
    try {
      real = Path.of(requested).toRealPath();
    } catch (NoSuchFileException | java.nio.file.InvalidPathException e) {
      throw Problem.badRequest("IMAGE_NOT_FOUND", requested + " does not exist");
    }
    for (Path root : roots) {
      if (Files.isDirectory(root) && real.startsWith(root.toRealPath())) {
        return real;
      }
    }
    throw Problem.badRequest(
        "IMAGE_PATH_NOT_ALLOWED", requested + " is not under CAIRN_IMAGE_ROOTS");
  }

  private static Inspector.NamedImage decode(InputStream in, String name) {
    try {
      return new Inspector.NamedImage(name, ImageDecoder.decode(in, name));
    } catch (ImageRejected e) {
      throw Problem.badRequest(e.code(), e.getMessage());
    }
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
    return body.hasNonNull(field) ? Optional.of(body.get(field).asText()) : Optional.empty();
  }
}
