package dev.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens report.html in headless Chromium (Debian package {@code chromium}, installed by
 * {@code .ci/setup}): the page loads from a file with no console error, every chart image
 * decodes, and a screenshot is kept in {@code engine/target/report-browser/}.
 */
class HtmlReportBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path ARTIFACTS = Path.of("target", "report-browser");
  private static final Pattern DATA_IMAGE = Pattern.compile(
      "<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

  private static Path report;

  @BeforeAll
  static void renderReport() throws Exception {
    Path directory = Files.createDirectories(ARTIFACTS.toAbsolutePath());
    Files.deleteIfExists(directory.resolve(ResultFiles.RESULTS));
    SyntheticRun.write(directory, 120, SyntheticRun.names(12), 60, 3);
    SavedRun run = SavedRunReader.read(directory);
    ReportSet.Outcome outcome = ReportSet.write(directory, "browser", run,
        ReportSet.verdicts(run), 1);
    assertThat(outcome.problems()).isEmpty();
    report = directory.resolve(ResultFiles.HTML);
  }

  @Test
  void chartsAreEmbeddedPngImagesAndNothingIsFetched() throws IOException {
    String html = Files.readString(report);

    List<String> images = new ArrayList<>();
    Matcher matcher = DATA_IMAGE.matcher(html);
    while (matcher.find()) {
      images.add(matcher.group(1));
    }
    assertThat(images).hasSize(5);
    for (String image : images) {
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(
          Base64.getDecoder().decode(image)));
      assertThat(decoded).isNotNull();
      assertThat(decoded.getWidth()).isEqualTo(Charts.WIDTH);
    }
    assertThat(html).doesNotContain("<script", "http://", "https://", "<link");
  }

  @Test
  void chromiumShowsThePageWithoutErrorsAndEveryImageLoaded() throws Exception {
    assertThat(CHROMIUM).as("headless Chromium is missing: install the Debian package"
        + " chromium (.ci/setup does)").exists();
    Path screenshot = report.resolveSibling("report-screenshot.png");
    Files.deleteIfExists(screenshot);

    String log = chromium("--screenshot=" + screenshot, "--window-size=1280,2400",
        report.toUri().toString());

    assertThat(screenshot).as(log).exists();
    assertThat(ImageIO.read(screenshot.toFile()).getWidth()).isEqualTo(1280);
    assertThat(consoleErrors(log)).as(log).isEmpty();
    assertThat(imagesLoaded()).as("natural widths of the page's images").hasSize(5)
        .allMatch(width -> width == Charts.WIDTH);
  }

  /**
   * The report has no scripts, so a copy of it gets one that records each image's natural
   * width once the page has loaded; Chromium's DOM dump then shows them.
   */
  private static List<Integer> imagesLoaded() throws Exception {
    Path probe = report.resolveSibling("report-probe.html");
    String check = "<script>window.addEventListener('load', () => document.body.setAttribute("
        + "'data-widths', Array.from(document.images).map(i => i.complete ? i.naturalWidth"
        + " : -1).join(',')));</script></body>";
    Files.writeString(probe, Files.readString(report).replace("</body>", check));
    String dom = chromium("--dump-dom", "--virtual-time-budget=5000", probe.toUri()
        .toString());
    Matcher widths = Pattern.compile("data-widths=\"([0-9,-]*)\"").matcher(dom);
    assertThat(widths.find()).as(dom.substring(0, Math.min(500, dom.length()))).isTrue();
    assertThat(dom).contains("id=\"thresholds\"", "id=\"requests\"", "id=\"failures\"");
    return Pattern.compile(",").splitAsStream(widths.group(1)).map(Integer::valueOf).toList();
  }

  private static List<String> consoleErrors(String log) {
    return log.lines().filter(line -> line.contains("CONSOLE") || line.contains(
        "Failed to load") || line.contains("ERR_FILE_NOT_FOUND")).toList();
  }

  private static String chromium(String... arguments) throws Exception {
    Path profile = Files.createTempDirectory("chromium-profile");
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
        "--user-data-dir=" + profile));
    command.addAll(List.of(arguments));
    Path output = Files.createTempFile("chromium", ".out");
    Path errors = Files.createTempFile("chromium", ".err");
    Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
        .redirectError(errors.toFile()).start();
    boolean ended = process.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    String stdout = Files.readString(output, StandardCharsets.UTF_8);
    String stderr = Files.readString(errors, StandardCharsets.UTF_8);
    assertThat(ended).as("chromium did not finish in 60 s: " + stderr).isTrue();
    return stdout + "\n" + stderr;
  }
}
