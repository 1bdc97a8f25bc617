package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.SidecarInspection;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code inspect --sidecar URL IMG...}: asks a sidecar's {@code /inspect} for a verdict (seed 000).
 * The table has a row per image: its decision and reasons, and the model, SKU, mode and version
 * that judged; {@code -o json} prints the sidecar's answer. NG and RETAKE are answers, not
 * failures: the exit code is 0.
 */
@Command(name = "inspect", description = "Inspect images with a sidecar and print the verdict.")
final class InspectCommand extends CliCommand {

  @Option(names = "--sidecar", required = true, description = "The sidecar's URL.")
  URI sidecar;

  @Parameters(arity = "1..*", description = "Images (PNG or JPEG).")
  List<Path> images;

  @Option(names = "--mode", description = "LOW, MID or HIGH (default: the model's default).")
  String mode;

  @Option(names = "--sku", description = "With --ink: the model labelled with both (fleets).")
  String sku;

  @Option(names = "--ink", description = "With --sku.")
  String ink;

  @Option(names = "--model", description = "The model, for a sidecar serving several.")
  String model;

  private static final List<Output.Column> COLUMNS =
      List.of(
          Output.Column.of("IMAGE", "name"),
          Output.Column.of("DECISION", "decision"),
          Output.Column.of("REASONS", "reasons"),
          new Output.Column("MODEL", false, row -> Output.text(row.path("model").path("name"))),
          new Output.Column("SKU", false, row -> Output.text(row.path("model").path("sku"))),
          Output.Column.of("MODE", "mode"),
          new Output.Column("VERSION", false, InspectCommand::version),
          new Output.Column("INK", true, row -> Output.text(row.path("model").path("ink"))),
          new Output.Column("DIGEST", true, row -> Output.text(row.path("model").path("digest"))),
          new Output.Column(
              "GENERATION", true, row -> Output.text(row.path("model").path("generation"))),
          Output.Column.wide("LATENCY MS", "latency_ms"));

  InspectCommand(Terminal terminal) {
    super(terminal);
  }

  @Override
  public void run() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("mode", mode);
    fields.put("sku", sku);
    fields.put("ink", ink);
    fields.put("model", model);
    JsonNode verdict = new SidecarInspection(sidecar).inspect(images, fields);
    output().many(rows(verdict), "name", COLUMNS, verdict);
  }

  /**
   * One row per image, each with what the whole answer says of who judged; an answer without {@code
   * images} (an older sidecar) is one row.
   */
  private static List<JsonNode> rows(JsonNode verdict) {
    if (!verdict.path("images").isArray() || verdict.path("images").isEmpty()) {
      return List.of(verdict);
    }
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode image : verdict.path("images")) {
      ObjectNode row = image.isObject() ? image.deepCopy() : JsonNodeFactory.instance.objectNode();
      for (String shared : List.of("mode", "model", "latency_ms")) {
        if (verdict.has(shared)) {
          row.set(shared, verdict.get(shared));
        }
      }
      rows.add(row);
    }
    return rows;
  }

  /** The judging variant's version; from {@code versions} when the sidecar does not name it. */
  private static String version(JsonNode row) {
    JsonNode model = row.path("model");
    return model.has("version")
        ? Output.text(model.path("version"))
        : Output.text(model.path("versions").path(row.path("mode").asText()));
  }
}
