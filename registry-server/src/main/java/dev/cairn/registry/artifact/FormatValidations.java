package dev.cairn.registry.artifact;

import java.util.Map;

/**
 * The runtime hooks by format. Runtimes (ONNX, colour-signature) register here when they arrive;
 * until then every format is validated by checksum alone.
 */
public final class FormatValidations {

  private final Map<String, FormatValidation> byFormat;

  public FormatValidations(Map<String, FormatValidation> byFormat) {
    this.byFormat = Map.copyOf(byFormat);
  }

  public FormatValidation forFormat(String format) {
    return byFormat.getOrDefault(format, FormatValidation.checksumOnly());
  }
}
