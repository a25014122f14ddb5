package dev.enclave.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.eval.ClassificationMetrics;
import dev.enclave.eval.Interval;
import dev.enclave.eval.PairedComparison;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ReportWriterTest {

    private static final String CSP_META = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src"
            + " 'none'; style-src 'unsafe-inline'\"/>";
    private static final String HOSTILE = "<script>alert('x')</script>\"&\u0001\uD800";

    @Test
    void headlineStatesTunedAndBaseMacroF1WithIntervals() {
        ReportData data = SampleReports.full();
        String text = visibleText(ReportWriter.render(data));
        ClassificationMetrics tuned = data.tunedMetrics();
        ClassificationMetrics base = data.baseMetrics();
        String headline = String.format(Locale.ROOT, "Tuned macro-F1 %.2f [%.2f, %.2f] vs base %.2f [%.2f, %.2f]",
                tuned.macroF1(), tuned.macroF1Interval().low(), tuned.macroF1Interval().high(), base.macroF1(),
                base.macroF1Interval().low(), base.macroF1Interval().high());
        assertTrue(text.contains(headline), headline + " missing from: " + text);
        assertTrue(tuned.macroF1() > base.macroF1() + 0.2, "the sample should show a clear gain");
        assertTrue(text.contains("Clear improvement from fine-tuning"), text);
        assertTrue(text.contains("On 938 held-out test examples in 7 classes"), text);
        assertTrue(text.contains("1 class has no test examples, so its recall cannot be measured:"
                + " \u201cpaediatrics\u201d"), text);
    }

    @Test
    void containsEverySectionWithItsValues() {
        String html = ReportWriter.render(SampleReports.full());
        for (Section section : ReportWriter.standardSections()) {
            assertTrue(html.contains("<section id=\"" + section.id() + "\""), section.id());
            assertTrue(html.contains("<a href=\"#" + section.id() + "\">"), section.id());
        }
        assertFalse(html.contains("Not run"), "every section has data in the full sample");
        String text = visibleText(html);
        for (String expected : List.of("clinical-notes-triage", "r-20250114-0932", "2025-01-14 09:32 UTC",
                "3f6c2a9d8e1b4f7a0c5d9e2b6a1f8c3d7e0b4a9f2c6d1e8b5a3f7c0d9e2b6a14", "Apache-2.0",
                "22,715,526", "22.7M", "/models/all-MiniLM-L6-v2", "malformed_csv 87", "near_duplicate 167",
                "Of 10,000 input rows, 9,380 came through data preparation; 120 were quarantined",
                "Every row is accounted for", "7,504", "1,912", "NAME", "(A)", "6,345", "13,298",
                "none: the run was fully offline", "No outbound network connection was attempted",
                "Tuned better in", "paediatrics", "no test examples")) {
            assertTrue(text.contains(expected), expected + " missing");
        }
    }

    @Test
    void sectionsWithoutDataSayNotRun() {
        String html = ReportWriter.render(SampleReports.empty());
        assertEquals(ReportWriter.standardSections().size() - 1, count(html, "<p class=\"not-run\">Not run"));
        String text = visibleText(html);
        assertTrue(text.contains("Evaluation not run"), text);
        assertTrue(text.contains("This run recorded no de-identification step."), text);
    }

    @Test
    void partialRunsRenderWhatTheyHave() {
        ReportData full = SampleReports.full();
        ReportData tunedOnly = ReportData.builder().setRunId("r-2").setPipelineName("p")
                .optTunedMetrics(full.tunedMetrics()).optDeidentifiedByType(Map.of()).build();
        String text = visibleText(ReportWriter.render(tunedOnly));
        assertTrue(text.contains("base model not evaluated"), text);
        assertTrue(text.contains("De-identification ran and found no protected health information"), text);
        assertEquals(SampleReports.LABELS, tunedOnly.labels(), "labels default to those of the metrics");
    }

    @Test
    void verdictFollowsThePairedInterval() {
        assertTrue(renderWithDifference(new Interval(-0.12, -0.02)).contains("Fine-tuning made the model worse"));
        assertTrue(renderWithDifference(new Interval(-0.03, 0.04)).contains("No clear difference"));
        assertTrue(renderWithDifference(new Interval(-0.03, 0.04))
                .contains("The interval includes zero, so this test set cannot tell the two models apart."));
    }

    @Test
    void flagsStagesWhoseRowsDoNotBalance() {
        ReportData data = ReportData.builder().setRunId("r-3").setPipelineName("p")
                .addStage(new StageCount("ingest", 100, 90, Map.of("malformed_csv", 5L), Map.of()))
                .addStage(new StageCount("dedup", 80, 80, Map.of(), Map.of()))
                .build();
        String text = visibleText(ReportWriter.render(data));
        assertTrue(text.contains("5 rows unaccounted"), text);
        assertTrue(text.contains("received 80, previous stage passed on 90"), text);
        assertTrue(text.contains("5 rows are not accounted for by any stage\u2019s reasons."), text);
    }

    @Test
    void escapesEveryString() {
        List<String> labels = new ArrayList<>(SampleReports.LABELS);
        labels.set(1, HOSTILE);
        ReportData sample = SampleReports.full(labels, "pipe " + HOSTILE, "run " + HOSTILE);
        ReportData data = ReportData.builder().setRunId(sample.runId()).setPipelineName(sample.pipelineName())
                .optSpecSha256(HOSTILE).optCreatedAt(HOSTILE)
                .optModel(new ModelSummary(HOSTILE, HOSTILE, HOSTILE, 10, 1))
                .addLossCurve(new LossCurve(HOSTILE, sample.lossCurves().get(0).points()))
                .optBaseMetrics(sample.baseMetrics()).optTunedMetrics(sample.tunedMetrics())
                .optComparison(sample.comparison())
                .addStage(new StageCount(HOSTILE, 10, 5, Map.of(HOSTILE, 3L), Map.of("ok " + HOSTILE, 2L)))
                .optDeidentifiedByType(Map.of(HOSTILE, 4L))
                .optResidency(new ResidencySummary(List.of(HOSTILE), List.of(HOSTILE), 1, 1, 1, 1))
                .build();
        String html = ReportWriter.render(data);
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "unescaped script tag");
        assertFalse(html.contains("\u0001"), "control character passed through");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;\uFFFD\uFFFD"));
        parseXml(html); // the whole document stays well-formed
        for (String svg : svgs(html)) {
            parseXml(svg);
        }
    }

    @Test
    void referencesNothingOutsideTheFile() {
        String html = ReportWriter.render(SampleReports.full());
        assertTrue(html.contains(CSP_META), "the page forbids loading anything");
        String rest = html.replace(CSP_META, "").toLowerCase(Locale.ROOT);
        assertFalse(rest.contains("http"), "no http or https reference");
        for (String forbidden : List.of("src=", "url(", "@import", "<link", "<img", "<script", "<iframe",
                "<object", "<embed", "xmlns", "//")) {
            assertFalse(rest.contains(forbidden), forbidden);
        }
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(rest);
        while (href.find()) {
            assertTrue(href.group(1).startsWith("#"), "link leaves the page: " + href.group(1));
        }
    }

    @Test
    void documentAndEverySvgAreWellFormedXml() throws Exception {
        ReportData data = SampleReports.full();
        String html = ReportWriter.render(data);
        Document document = parseXml(html);
        assertEquals("html", document.getDocumentElement().getTagName());

        List<String> svgs = svgs(html);
        assertEquals(7, svgs.size(), "loss, metric bars, per-class F1, two confusion matrices, exposure, membership");
        for (String svg : svgs) {
            Element root = parseXml(svg).getDocumentElement();
            assertEquals("svg", root.getTagName());
            assertTrue(root.getAttribute("viewBox").startsWith("0 0 "), svg.substring(0, 80));
        }
        int classes = SampleReports.LABELS.size();
        NodeList rects = parseXml(svgs.get(3)).getElementsByTagName("rect");
        int cells = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            cells += "cell".equals(((Element) rects.item(i)).getAttribute("class")) ? 1 : 0;
        }
        assertEquals(classes * classes, cells, "one heatmap cell per gold/predicted pair");
        NodeList lines = parseXml(svgs.get(0)).getElementsByTagName("polyline");
        assertEquals(2, lines.getLength(), "one line per loss curve");
    }

    @Test
    void smallestCasesRenderWellFormed() {
        ClassificationMetrics one = ClassificationMetrics.of(new int[] {0}, new int[] {0}, List.of("only"), 1, 10);
        ReportData data = ReportData.builder().setRunId("r").setPipelineName("p")
                .addLossCurve(new LossCurve("single", List.of(new LossPoint(5, 0.7))))
                .addLossCurve(new LossCurve("empty", List.of()))
                .optTunedMetrics(one).optBaseMetrics(one)
                .optComparison(PairedComparison.of(new int[] {0}, new int[] {0}, new int[] {0}, List.of("only"), 1, 10))
                .optSplits(new SplitSizes(0, 0, 0, 0, 0, 0))
                .build();
        String html = ReportWriter.render(data);
        parseXml(html);
        assertEquals(5, svgs(html).size());
        assertTrue(visibleText(html).contains("Tuned macro-F1 1.00 [1.00, 1.00] vs base 1.00 [1.00, 1.00]"));
        assertTrue(visibleText(html).contains("No clear difference between the models"));
    }

    @Test
    void sameDataGivesSameBytes(@TempDir Path folder) throws Exception {
        String first = ReportWriter.render(SampleReports.full());
        assertEquals(first, ReportWriter.render(SampleReports.full()));
        Path file = folder.resolve("nested/report.html");
        ReportWriter.write(SampleReports.full(), file);
        assertArrayEquals(first.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
        ReportWriter.write(SampleReports.empty(), file);
        assertTrue(Files.readString(file).contains("nothing-ran"), "an existing report is replaced");
        try (var listing = Files.list(file.getParent())) {
            assertEquals(1, listing.count(), "no temporary file left behind");
        }
    }

    @Test
    void rejectsBadSectionIdsAndIncompleteData() {
        Section bad = new Section() {
            @Override
            public String id() {
                return "Bad Id";
            }

            @Override
            public String title() {
                return "Bad";
            }

            @Override
            public java.util.Optional<String> body(ReportData data) {
                return java.util.Optional.empty();
            }
        };
        assertThrows(IllegalArgumentException.class, () -> ReportWriter.render(SampleReports.empty(), List.of(bad)));
        assertThrows(IllegalArgumentException.class, () -> ReportWriter.render(SampleReports.empty(),
                List.of(new ModelSection(), new ModelSection())));
        assertThrows(IllegalStateException.class, () -> ReportData.builder().setPipelineName("p").build());
    }

    private static String renderWithDifference(Interval interval) {
        ReportData full = SampleReports.full();
        PairedComparison c = full.comparison();
        PairedComparison changed = new PairedComparison(c.examples(), c.baseMacroF1(), c.tunedMacroF1(),
                (interval.low() + interval.high()) / 2, (interval.low() + interval.high()) / 2, interval, 0.5,
                c.seed(), c.bootstrapSamples());
        ReportData data = ReportData.builder().setRunId("r").setPipelineName("p")
                .optBaseMetrics(full.baseMetrics()).optTunedMetrics(full.tunedMetrics()).optComparison(changed)
                .build();
        return visibleText(ReportWriter.render(data));
    }

    static List<String> svgs(String html) {
        List<String> svgs = new ArrayList<>();
        Matcher matcher = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL).matcher(html);
        while (matcher.find()) {
            svgs.add(matcher.group());
        }
        return svgs;
    }

    static Document parseXml(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** The text a reader sees: tags removed, the five escapes undone, whitespace collapsed. */
    static String visibleText(String html) {
        String body = html.substring(html.indexOf("<body>"));
        return body.replaceAll("<[^>]*>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ")
                .replaceAll(" ([.,;)\\]])", "$1").replaceAll("([(\\[]) ", "$1");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
