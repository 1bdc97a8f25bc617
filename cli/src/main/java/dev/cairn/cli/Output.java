package dev.cairn.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.cairn.client.CairnJson;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Prints API objects as {@code -o} asks: {@code json} and {@code yaml} exactly as the API answers
 * them (the client's records serialised by the client's mapper), {@code name} one name per line,
 * {@code table}/{@code wide} as columns that read at 80 characters (wide adds columns).
 */
final class Output {

  /** The formats of {@code -o}. */
  enum Format {
    TABLE,
    WIDE,
    JSON,
    YAML,
    NAME
  }

  /** A column: its header, whether only {@code wide} shows it, and its cell. */
  record Column(String header, boolean wideOnly, Function<JsonNode, String> cell) {
    static Column of(String header, String field) {
      return new Column(header, false, node -> text(node.path(field)));
    }

    static Column wide(String header, String field) {
      return new Column(header, true, node -> text(node.path(field)));
    }
  }

  private static final ObjectMapper JSON =
      CairnJson.lenientMapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

  private final Format format;
  private final PrintStream out;
  private final boolean quiet;

  Output(Format format, PrintStream out, boolean quiet) {
    this.format = format;
    this.out = out;
    this.quiet = quiet;
  }

  /** One object. */
  void one(Object value, String nameField, List<Column> columns) {
    many(List.of(value), nameField, columns, value);
  }

  /** A list; {@code json}/{@code yaml} print {@code whole} (the API's page, or the object). */
  void many(List<?> values, String nameField, List<Column> columns, Object whole) {
    if (quiet) {
      return;
    }
    List<JsonNode> nodes = values.stream().map(v -> (JsonNode) JSON.valueToTree(v)).toList();
    switch (format) {
      case JSON -> out.println(write(JSON, whole));
      case YAML -> out.print(write(YAML, JSON.valueToTree(whole)));
      case NAME -> nodes.forEach(n -> out.println(text(n.path(nameField))));
      case TABLE, WIDE -> table(nodes, columns);
    }
  }

  /** A line of prose (suppressed by {@code -q} and by machine formats). */
  void say(String line) {
    if (!quiet && (format == Format.TABLE || format == Format.WIDE)) {
      out.println(line);
    }
  }

  private void table(List<JsonNode> rows, List<Column> columns) {
    List<Column> shown =
        columns.stream().filter(c -> format == Format.WIDE || !c.wideOnly()).toList();
    Map<Column, Integer> widths = new LinkedHashMap<>();
    List<List<String>> cells = new ArrayList<>();
    for (JsonNode row : rows) {
      cells.add(shown.stream().map(c -> c.cell().apply(row)).toList());
    }
    for (int i = 0; i < shown.size(); i++) {
      int width = shown.get(i).header().length();
      for (List<String> row : cells) {
        width = Math.max(width, row.get(i).length());
      }
      widths.put(shown.get(i), width);
    }
    out.println(line(shown.stream().map(Column::header).toList(), widths));
    cells.forEach(row -> out.println(line(row, widths)));
  }

  private static String line(List<String> cells, Map<Column, Integer> widths) {
    StringBuilder line = new StringBuilder();
    int i = 0;
    for (int width : widths.values()) {
      String cell = cells.get(i++);
      line.append(i == widths.size() ? cell : String.format("%-" + width + "s   ", cell));
    }
    return line.toString().stripTrailing();
  }

  static String text(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return "-";
    }
    if (node.isObject()) {
      List<String> pairs = new ArrayList<>();
      node.properties().forEach(e -> pairs.add(e.getKey() + "=" + text(e.getValue())));
      return pairs.isEmpty() ? "-" : String.join(",", pairs);
    }
    if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(item -> items.add(text(item)));
      return items.isEmpty() ? "-" : String.join(",", items);
    }
    return node.asText();
  }

  private static String write(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
