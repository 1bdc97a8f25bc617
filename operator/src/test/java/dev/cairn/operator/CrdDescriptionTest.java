package dev.cairn.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every field of spec and status has a description, so {@code kubectl explain} is useful. (The
 * {@code spec} and {@code status} wrappers themselves come from fabric8's CustomResource.)
 */
class CrdDescriptionTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everySchemaPropertyHasADescription() throws IOException {
    List<String> undescribed = new ArrayList<>();
    int checked = 0;
    for (String file : CrdDriftTest.FILES) {
      JsonNode crd = YAML.readTree(CrdDriftTest.GENERATED.resolve(file).toFile());
      JsonNode root = crd.at("/spec/versions/0/schema/openAPIV3Schema/properties");
      for (String part : List.of("spec", "status")) {
        checked += walk(file + ":" + part, root.get(part), undescribed);
      }
    }
    assertThat(checked).as("properties checked").isGreaterThan(30);
    assertThat(undescribed).isEmpty();
  }

  @Test
  void printerColumnsAndShortNamesAreThere() throws IOException {
    JsonNode mv = YAML.readTree(CrdDriftTest.GENERATED.resolve(CrdDriftTest.FILES.get(0)).toFile());
    JsonNode mact =
        YAML.readTree(CrdDriftTest.GENERATED.resolve(CrdDriftTest.FILES.get(1)).toFile());

    assertThat(mv.at("/spec/names/shortNames/0").asText()).isEqualTo("mv");
    assertThat(mact.at("/spec/names/shortNames/0").asText()).isEqualTo("mact");
    assertThat(names(mv)).containsExactlyInAnyOrder("Model", "Version", "Variant", "Phase", "Age");
    assertThat(names(mact)).containsExactlyInAnyOrder("Model", "Alias", "Phase", "Serving", "Age");
    assertThat(mv.at("/spec/scope").asText()).isEqualTo("Namespaced");
  }

  private static List<String> names(JsonNode crd) {
    List<String> names = new ArrayList<>();
    crd.at("/spec/versions/0/additionalPrinterColumns")
        .forEach(c -> names.add(c.get("name").asText()));
    return names;
  }

  /** Checks the properties below {@code schema}; returns how many it checked. */
  private static int walk(String path, JsonNode schema, List<String> undescribed) {
    int checked = 0;
    JsonNode properties = schema.path("properties");
    var fields = properties.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      checked++;
      String fieldPath = path + "." + field.getKey();
      if (field.getValue().path("description").asText().isBlank()) {
        undescribed.add(fieldPath);
      }
      checked += walk(fieldPath, field.getValue(), undescribed);
      checked += walk(fieldPath + "[]", field.getValue().path("items"), undescribed);
    }
    return checked;
  }
}
