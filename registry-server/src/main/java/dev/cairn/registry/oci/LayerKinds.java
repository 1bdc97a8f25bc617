package dev.cairn.registry.oci;

import java.util.Locale;
import java.util.Set;

/**
 * The ModelPack media type of a version's file, by its path: documentation (README, LICENSE,
 * Markdown, text), code (scripts and sources), weight configuration (JSON, YAML, TOML and the like:
 * {@code config.json}, {@code tokenizer.json}) and weights (everything else: the file of the
 * version's format, ONNX, safetensors, GGUF, …). Every layer is raw: the file's own bytes, so its
 * digest is the file's pinned SHA-256.
 */
public final class LayerKinds {

  public static final String WEIGHT = "application/vnd.cncf.model.weight.v1.raw";
  public static final String WEIGHT_CONFIG = "application/vnd.cncf.model.weight.config.v1.raw";
  public static final String DOC = "application/vnd.cncf.model.doc.v1.raw";
  public static final String CODE = "application/vnd.cncf.model.code.v1.raw";

  private static final Set<String> DOC_EXTENSIONS = Set.of("md", "markdown", "rst", "txt", "pdf");
  private static final Set<String> DOC_STEMS =
      Set.of("readme", "license", "licence", "notice", "copying", "changelog", "model_card");
  private static final Set<String> CODE_EXTENSIONS =
      Set.of(
          "py", "sh", "ipynb", "js", "ts", "java", "go", "rs", "c", "cc", "cpp", "h", "hpp", "r");
  private static final Set<String> CONFIG_EXTENSIONS =
      Set.of("json", "yaml", "yml", "toml", "cfg", "ini", "conf", "properties");

  private LayerKinds() {}

  public static String of(String path) {
    String file = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    int dot = file.lastIndexOf('.');
    String stem = dot > 0 ? file.substring(0, dot) : file;
    String extension = dot > 0 ? file.substring(dot + 1) : "";
    if (DOC_STEMS.contains(stem) || DOC_EXTENSIONS.contains(extension)) {
      return DOC;
    }
    if (CODE_EXTENSIONS.contains(extension)) {
      return CODE;
    }
    if (CONFIG_EXTENSIONS.contains(extension)) {
      return WEIGHT_CONFIG;
    }
    return WEIGHT;
  }
}
