package dev.cairn.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The name checks decide without a regex engine (issue 27 item 7); they must give the regular
 * expressions' answers for every string, including the edges of length and alphabet.
 */
class NamesTest {

  private static final String ALPHABET = "az09AZ-._/@: é\u0000\u202e{}";

  @Test
  void projectAndResourceChecksAgreeWithTheirPatterns() {
    List<String> names = edges();
    Random random = new Random(27);
    for (int i = 0; i < 200_000; i++) {
      names.add(randomName(random));
    }
    for (String name : names) {
      assertEquals(
          Names.PROJECT.matcher(name).matches(), Names.isProject(name), "project '" + name + "'");
      assertEquals(
          Names.RESOURCE.matcher(name).matches(),
          Names.isResource(name),
          "resource '" + name + "'");
    }
  }

  @Test
  void brokenNamesAreRefusedWithTheirField() {
    ApiException project = assertThrows(ApiException.class, () -> Names.project("-bench"));
    assertEquals(400, project.status());
    ApiException model = assertThrows(ApiException.class, () -> Names.resource("model", null));
    assertEquals("INVALID_NAME:model", model.code());
    assertEquals("bench", Names.project("bench"));
    assertEquals("fraud.v2_x-1", Names.resource("model", "fraud.v2_x-1"));
  }

  private static List<String> edges() {
    List<String> names = new ArrayList<>();
    names.addAll(List.of("", "a", "-", "a-", "-a", "a-b", "A", "0", ".", "_a", "a.", "é", "a\n"));
    for (int n : new int[] {62, 63, 64, 127, 128, 129}) {
      names.add("a".repeat(n));
      names.add("a" + "-".repeat(n - 2) + "a");
      names.add("A" + ".".repeat(n - 1));
    }
    return names;
  }

  private static String randomName(Random random) {
    int length = random.nextInt(10) == 0 ? 60 + random.nextInt(72) : random.nextInt(8);
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < length; i++) {
      name.append(
          random.nextInt(4) == 0
              ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
              : ALPHABET.charAt(random.nextInt(6)));
    }
    return name.toString();
  }
}
