package dev.enclave.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the sample report in headless Chromium, offline: takes a screenshot (kept as
 * {@code target/report-browser/report.png}), dumps the rendered DOM and checks the console stays silent.
 */
class ReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path ARTIFACTS = Path.of("target", "report-browser");
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path profiles;

    @BeforeAll
    static void needsChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM), "/usr/bin/chromium is absent; .ci/run installs it"
                + " (apt-get install -y chromium)");
    }

    @Test
    void rendersAScreenshotWithContent() throws Exception {
        Path html = writeSample("report.html");
        Path png = ARTIFACTS.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        Result result = chromium("--screenshot=" + png, "--window-size=1280,2000", "--hide-scrollbars",
                html.toUri().toString());
        assertEquals(0, result.exitCode(), result.stderr());

        assertTrue(Files.size(png) > 50_000, "screenshot is only " + Files.size(png) + " bytes");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(2000, image.getHeight());
        int background = image.getRGB(image.getWidth() - 5, image.getHeight() / 2) & 0xffffff;
        Set<Integer> colours = new HashSet<>();
        long differing = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                differing += rgb == background ? 0 : 1;
            }
        }
        assertTrue(colours.size() > 200, "only " + colours.size() + " colours: the page looks blank");
        assertTrue(differing > image.getWidth() * image.getHeight() / 4 / 4, "mostly background");
        int header = image.getRGB(10, 10);
        assertTrue(brightness(header) < 60, "the dark header band is missing: the stylesheet did not apply");
    }

    @Test
    void domHasTheSectionsAndTheConsoleStaysSilent() throws Exception {
        Path html = writeSample("report-dom.html");
        Result result = chromium("--dump-dom", "--enable-logging=stderr", "--v=0", html.toUri().toString());
        assertEquals(0, result.exitCode(), result.stderr());
        Files.writeString(ARTIFACTS.resolve("report-dom.txt"), result.stdout(), StandardCharsets.UTF_8);

        for (Section section : ReportWriter.standardSections()) {
            assertTrue(result.stdout().contains("<section id=\"" + section.id() + "\""), section.id());
        }
        assertEquals(7, ReportWriterTest.svgs(result.stdout()).size(), "charts in the rendered DOM");
        assertEquals(List.of(), consoleMessages(result.stderr()), "console messages while loading the report");
    }

    @Test
    void consoleCheckCatchesAPageThatTriesToRunScript() throws Exception {
        // The report's Content-Security-Policy refuses scripts; Chromium reports that on the console, which
        // shows the console check above is able to fail.
        String csp = ReportWriter.render(SampleReports.empty()).lines()
                .filter(line -> line.contains("Content-Security-Policy")).findFirst().orElseThrow();
        Path probe = Files.createDirectories(ARTIFACTS).resolve("csp-probe.html").toAbsolutePath();
        Files.writeString(probe, "<!DOCTYPE html><html><head>" + csp + "</head><body>"
                + "<script>document.body.append('ran' + '-by-' + 'script')</script></body></html>",
                StandardCharsets.UTF_8);
        Result result = chromium("--dump-dom", "--enable-logging=stderr", "--v=0", probe.toUri().toString());
        assertEquals(0, result.exitCode(), result.stderr());
        assertFalse(result.stdout().contains("ran-by-script"), "the policy let an inline script run");
        assertTrue(consoleMessages(result.stderr()).stream()
                .anyMatch(line -> line.contains("Content Security Policy")), result.stderr());
    }

    private static Path writeSample(String name) throws IOException {
        Path html = ARTIFACTS.resolve(name).toAbsolutePath();
        ReportWriter.write(SampleReports.full(), html);
        return html;
    }

    private Result chromium(String... arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(profiles, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(arguments));
        Path stdout = profiles.resolve(profile.getFileName() + ".out");
        Path stderr = profiles.resolve(profile.getFileName() + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    /** Lines Chromium logs for the page's console, which include blocked loads and scripts. */
    private static List<String> consoleMessages(String stderr) {
        return stderr.lines().filter(line -> line.contains(":CONSOLE") || line.contains("Refused to")).toList();
    }

    private static int brightness(int rgb) {
        return (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }
}
