package dev.cairn.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A list printed as its pages arrive, so {@code cairn} holds one page at a time however long the
 * list: rows, names, or — for {@code -o json/yaml} — one document streamed item by item, shaped as
 * the API's last page ({@code {"items":[…],"next_page_token":null}}) with every item in it.
 */
abstract class ListPrinter {

  /** Prints one page's items. */
  abstract void page(List<JsonNode> items);

  /** After the last page. */
  void finish() {}

  static ListPrinter of(
      Output.Format format,
      PrintStream out,
      ObjectMapper mapper,
      String nameField,
      List<Output.Column> columns) {
    return switch (format) {
      case NAME -> new Names(out, nameField);
      case TABLE, WIDE -> new Rows(new Table(columns, out));
      case JSON -> new Document(out, mapper, true);
      case YAML -> new Document(out, mapper, false);
    };
  }

  /** {@code -o name}: one name a line. */
  private static final class Names extends ListPrinter {
    private final PrintStream out;
    private final String field;

    Names(PrintStream out, String field) {
      this.out = out;
      this.field = field;
    }

    @Override
    void page(List<JsonNode> items) {
      items.forEach(n -> out.println(TerminalText.safe(Output.text(n.path(field)))));
    }
  }

  /** {@code table}/{@code wide}. */
  private static final class Rows extends ListPrinter {
    private final Table table;

    Rows(Table table) {
      this.table = table;
    }

    @Override
    void page(List<JsonNode> items) {
      table.print(items);
    }
  }

  /** {@code json}/{@code yaml}: a generator that stays open across pages. */
  private static final class Document extends ListPrinter {
    private final PrintStream out;
    private final ObjectMapper mapper;
    private final boolean endLine;
    private JsonGenerator generator;

    Document(PrintStream out, ObjectMapper mapper, boolean endLine) {
      this.out = out;
      this.mapper = mapper;
      this.endLine = endLine;
    }

    @Override
    void page(List<JsonNode> items) {
      try {
        if (generator == null) {
          generator = mapper.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
          generator.writeStartObject();
          generator.writeArrayFieldStart("items");
        }
        for (JsonNode item : items) {
          mapper.writeTree(generator, item);
        }
        generator.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    void finish() {
      try {
        if (generator == null) {
          page(List.of());
        }
        generator.writeEndArray();
        generator.writeNullField("next_page_token");
        generator.writeEndObject();
        generator.close();
        if (endLine) {
          out.println();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
