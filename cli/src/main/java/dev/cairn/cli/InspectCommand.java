package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.SidecarInspection;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code inspect --sidecar URL IMG...}: asks a sidecar's {@code /inspect} for a verdict (seed 000).
 * The table shows the decision, its reasons, the mode and the versions that judged; {@code -o json}
 * prints the sidecar's answer. NG and RETAKE are answers, not failures: the exit code is 0.
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
    output()
        .one(
            verdict,
            "decision",
            List.of(
                Output.Column.of("DECISION", "decision"),
                Output.Column.of("REASONS", "reasons"),
                Output.Column.of("MODE", "mode"),
                new Output.Column(
                    "VERSIONS", false, v -> Output.text(v.path("model").path("versions"))),
                Output.Column.wide("LATENCY MS", "latency_ms")));
  }
}
