package dev.cairn.registry.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Review 12 item 11: the untrusted-pointer count read every pointer's bundle (up to 4 MiB each) to
 * judge it, though the judge needs the bytes only for a digest it has not judged under the current
 * policy. Judging from a digest now reads the bundle on a miss only.
 */
class SignatureJudgeTest {

  private final TestSigner ci = TestSigner.generate();
  private final byte[] bundle = ci.sign(Map.of("model.bin", "1".repeat(64)));
  private final AtomicInteger reads = new AtomicInteger();

  @Test
  void aBundleIsReadOnlyWhenItsDigestWasNotJudgedUnderThisPolicy() {
    SignatureJudge judge = new SignatureJudge();
    CurrentTrust v1 = trust(1, ci);

    assertThat(judge.trusted("aa", v1, stored())).isTrue();
    for (int i = 0; i < 5; i++) {
      assertThat(judge.trusted("aa", v1, stored())).isTrue();
    }
    assertThat(reads).as("judged once, read once").hasValue(1);

    CurrentTrust v2 = trust(2, TestSigner.generate());
    assertThat(judge.trusted("aa", v2, stored())).as("the key was removed").isFalse();
    assertThat(judge.trusted("aa", v2, stored())).isFalse();
    assertThat(reads).as("a new policy judges again, once").hasValue(2);
  }

  @Test
  void aProjectWithoutAPolicyReadsNoBundle() {
    assertThat(
            new SignatureJudge()
                .trusted("aa", new CurrentTrust("p", 0, trust(1, ci).material()), stored()))
        .isFalse();
    assertThat(reads).hasValue(0);
  }

  private Supplier<StoredSignature> stored() {
    return () -> {
      reads.incrementAndGet();
      return new StoredSignature(UUID.randomUUID(), bundle, "aa", "key", ci.hint(), Instant.EPOCH);
    };
  }

  private static CurrentTrust trust(long version, TestSigner signer) {
    return new CurrentTrust(
        "p",
        version,
        TrustDocument.material(
            TrustDocument.parse(signer.policy("ci").getBytes(StandardCharsets.UTF_8))));
  }
}
