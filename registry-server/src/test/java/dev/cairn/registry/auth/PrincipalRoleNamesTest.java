package dev.cairn.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 27 item 7 took two costs out of every request: role names come from a table of every role
 * set instead of a sorting stream, and a token's SHA-256 from a copied digest instead of a provider
 * search. Both must answer as before.
 */
class PrincipalRoleNamesTest {

  @Test
  void roleNamesAreTheSortedWireNamesOfEverySet() {
    Role[] all = Role.values();
    for (int mask = 0; mask < 1 << all.length; mask++) {
      Set<Role> roles = EnumSet.noneOf(Role.class);
      for (Role role : all) {
        if ((mask & 1 << role.ordinal()) != 0) {
          roles.add(role);
        }
      }
      List<String> expected = roles.stream().map(Role::wireName).sorted().toList();
      assertThat(new Principal("p", roles, Set.of("*")).roleNames()).isEqualTo(expected);
    }
  }

  @Test
  void tokenHashesAreSha256FromAnyNumberOfThreads() throws Exception {
    assertThat(TokenHashes.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    Set<String> mismatches = ConcurrentHashMap.newKeySet();
    IntStream.range(0, 20_000)
        .parallel()
        .forEach(
            i -> {
              String token = "cairn_" + i;
              try {
                byte[] expected =
                    MessageDigest.getInstance("SHA-256")
                        .digest(token.getBytes(StandardCharsets.UTF_8));
                if (!MessageDigest.isEqual(expected, TokenHashes.sha256(token))) {
                  mismatches.add(token);
                }
              } catch (Exception e) {
                mismatches.add(token + ": " + e);
              }
            });
    assertThat(mismatches).isEmpty();
    assertThat(HexFormat.of().formatHex(TokenHashes.sha256(""))).startsWith("e3b0c442");
  }
}
