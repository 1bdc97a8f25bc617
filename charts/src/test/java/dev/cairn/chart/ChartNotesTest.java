package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.chart.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The commands NOTES.txt prints after an install work as printed: kubectl applies files and local
 * folders, never a folder URL (it cannot list one), and each file named is one the repository has.
 */
class ChartNotesTest {

  private static final Pattern APPLIED = Pattern.compile("-f\\s+(\\S+)");

  @Test
  void everyKubectlApplyInTheNotesNamesFilesTheRepositoryHas() throws IOException {
    String appVersion = appVersion();
    String raw = "https://raw.githubusercontent.com/cairn-dev/cairn/v" + appVersion + "/";
    List<String> applied = new ArrayList<>();
    for (String command : kubectlApplies(appVersion)) {
      Matcher m = APPLIED.matcher(command);
      while (m.find()) {
        applied.add(m.group(1).replaceAll("[).,]+$", ""));
      }
    }

    assertThat(applied).as("what NOTES.txt applies").isNotEmpty();
    for (String target : applied) {
      if (target.startsWith("https://")) {
        assertThat(target).as("a URL kubectl can fetch").startsWith(raw).doesNotEndWith("/");
        assertThat(Repo.resolve(target.substring(raw.length()))).as(target).isRegularFile();
      } else {
        assertThat(Repo.resolve(target)).as(target).exists();
      }
    }
  }

  /** Each {@code kubectl apply} of NOTES.txt as rendered for the chart's version. */
  private static List<String> kubectlApplies(String appVersion) throws IOException {
    String notes =
        Files.readString(Repo.chart().resolve(Path.of("templates", "NOTES.txt")))
            .replace("\\\n", " ")
            .replace("{{ .Chart.AppVersion }}", appVersion);
    List<String> commands = new ArrayList<>();
    Matcher m = Pattern.compile("kubectl apply[^\\n]*").matcher(notes);
    while (m.find()) {
      commands.add(m.group());
    }
    return commands;
  }

  private static String appVersion() throws IOException {
    Matcher m =
        Pattern.compile("(?m)^appVersion:\\s*\"?([^\"\\s]+)")
            .matcher(Files.readString(Repo.chart().resolve("Chart.yaml")));
    assertThat(m.find()).as("Chart.yaml has an appVersion").isTrue();
    return m.group(1);
  }
}
