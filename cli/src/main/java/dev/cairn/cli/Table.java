package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * Rows printed as columns, page by page: the header and the first page share widths; a later page
 * widens a column only if a cell needs it. Every cell is made safe for the terminal.
 */
final class Table {

  private final List<Output.Column> columns;
  private final PrintStream out;
  private final int[] widths;
  private boolean headed;

  Table(List<Output.Column> columns, PrintStream out) {
    this.columns = columns;
    this.out = out;
    this.widths = columns.stream().mapToInt(c -> c.header().length()).toArray();
  }

  /** One page of rows, printed now (the header before the first). */
  void print(List<JsonNode> rows) {
    List<List<String>> cells =
        rows.stream()
            .map(
                row ->
                    columns.stream()
                        .map(c -> TerminalText.safe(Objects.toString(c.cell().apply(row), "-")))
                        .toList())
            .toList();
    for (List<String> row : cells) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    if (!headed) {
      out.println(line(columns.stream().map(Output.Column::header).toList()));
      headed = true;
    }
    cells.forEach(row -> out.println(line(row)));
  }

  private String line(List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      String cell = cells.get(i);
      line.append(i == widths.length - 1 ? cell : String.format("%-" + widths[i] + "s   ", cell));
    }
    return line.toString().stripTrailing();
  }
}
