package dev.cairn.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.cairn.client.CairnJson;
import dev.cairn.client.model.Page;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Prints API objects as {@code -o} asks: {@code json} and {@code yaml} exactly as the API answers
 * them (the client's records serialised by the client's mapper), {@code name} one name per line,
 * {@code table}/{@code wide} as columns that read at 80 characters (wide adds columns). Lists are
 * printed page by page as they arrive; every human line is made safe for a terminal.
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

  /** Items asked for per page of a list: the API's default, a page of at most a few MiB. */
  static final int PAGE_SIZE = 100;

  /** Server tokens are ~100 characters; a longer one is not a page token. */
  private static final int MAX_PAGE_TOKEN = 4096;

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
    switch (format) {
      case JSON -> out.println(write(JSON, whole));
      case YAML -> out.print(write(YAML, JSON.valueToTree(whole)));
      case NAME, TABLE, WIDE -> {
        ListPrinter printer = printer(nameField, columns);
        printer.page(trees(values));
        printer.finish();
      }
    }
  }

  /**
   * A list of every page {@code fetch} gives (it takes the page token, {@code null} first), printed
   * as each page arrives; a page token that comes back is a loop, and ends the listing.
   */
  <T> void pages(Function<String, Page<T>> fetch, String nameField, List<Column> columns) {
    Page<T> page = fetch.apply(null);
    if (quiet) {
      return;
    }
    ListPrinter printer = printer(nameField, columns);
    Set<String> seen = new HashSet<>();
    while (true) {
      printer.page(trees(page.items()));
      String next = page.nextPageToken();
      if (next == null) {
        break;
      }
      if (next.length() > MAX_PAGE_TOKEN || !seen.add(next)) {
        throw new ExitCodes.Failure(
            ExitCodes.REFUSED,
            "the registry gave a page token it had given before (or one over "
                + MAX_PAGE_TOKEN
                + " characters); the list stops here");
      }
      page = fetch.apply(next);
    }
    printer.finish();
  }

  /** A line of prose (suppressed by {@code -q} and by machine formats). */
  void say(String line) {
    if (!quiet && (format == Format.TABLE || format == Format.WIDE)) {
      out.println(TerminalText.safe(line));
    }
  }

  private ListPrinter printer(String nameField, List<Column> columns) {
    List<Column> shown =
        columns.stream().filter(c -> format == Format.WIDE || !c.wideOnly()).toList();
    return ListPrinter.of(format, out, format == Format.YAML ? YAML : JSON, nameField, shown);
  }

  private static List<JsonNode> trees(List<?> values) {
    return values.stream().map(v -> (JsonNode) JSON.valueToTree(v)).toList();
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
