package dev.cairn.registry.api;

import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The role matrix of spec 40-security: the callers, what each is expected to get by kind of
 * endpoint, and the check that sends every endpoint as every caller.
 */
final class RoleMatrix {

  static final String[] CALLERS = {
    "none", "bad", "reader", "publisher", "approver", "admin", "other-project", "sidecar"
  };
  static final String[] TOKENS = {
    null,
    "not-a-known-token",
    TestTokens.READER,
    TestTokens.PUBLISHER,
    TestTokens.APPROVER,
    TestTokens.ADMIN,
    TestTokens.OTHER_PROJECT,
    TestTokens.SIDECAR
  };

  record Cell(String method, String template, Supplier<String> path, String body, int[] expected) {}

  private RoleMatrix() {}

  /**
   * Sends every cell as every caller ({@code bodyOf} gives the body, fresh where a name must be
   * new); one line per answer that is not the documented one.
   */
  static List<String> mismatches(Http http, List<Cell> cells, Function<Cell, String> bodyOf) {
    List<String> mismatches = new ArrayList<>();
    for (Cell cell : cells) {
      for (int i = 0; i < CALLERS.length; i++) {
        String body = bodyOf.apply(cell);
        HttpResponse<String> res = http.send(cell.method(), cell.path().get(), TOKENS[i], body);
        if (res.statusCode() != cell.expected()[i]) {
          mismatches.add(
              cell.method()
                  + " "
                  + cell.template()
                  + " as "
                  + CALLERS[i]
                  + ": expected "
                  + cell.expected()[i]
                  + ", got "
                  + res.statusCode()
                  + " "
                  + res.body());
        }
      }
    }
    return mismatches;
  }
}
