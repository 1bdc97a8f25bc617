package dev.cairn.registry.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TmpdirCheckTest {

  @Test
  void warnsWhenTmpdirIsNotTheJvmsTemporaryDirectory() {
    assertThat(TmpdirCheck.warning(Map.of("TMPDIR", "/scratch/tmp"), "/tmp"))
        .hasValueSatisfying(
            w ->
                assertThat(w)
                    .contains("TMPDIR is /scratch/tmp")
                    .contains("temporary directory is /tmp")
                    .contains("-Djava.io.tmpdir=/scratch/tmp"));
  }

  @Test
  void staysQuietWhenTheyAgreeOrTmpdirIsUnset() {
    assertThat(TmpdirCheck.warning(Map.of("TMPDIR", "/scratch/tmp/"), "/scratch/tmp")).isEmpty();
    assertThat(TmpdirCheck.warning(Map.of("TMPDIR", "/scratch/./tmp"), "/scratch/tmp/")).isEmpty();
    assertThat(TmpdirCheck.warning(Map.of(), "/tmp")).isEmpty();
    assertThat(TmpdirCheck.warning(Map.of("TMPDIR", " "), "/tmp")).isEmpty();
  }
}
