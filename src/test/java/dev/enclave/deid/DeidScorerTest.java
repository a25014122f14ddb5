package dev.enclave.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeidScorerTest {

    // doc a: gold NAME [0,10), DATE [20,30); predicted NAME [0,10) exact, LOCATION [22,26) inside the date,
    //        PHONE [40,50) spurious.
    // doc b: gold NAME [5,9) missed entirely; predicted nothing.
    private static final Map<String, List<PhiSpan>> GOLD = Map.of(
            "a", List.of(PhiSpan.of(0, 10, PhiType.NAME), PhiSpan.of(20, 30, PhiType.DATE)),
            "b", List.of(PhiSpan.of(5, 9, PhiType.NAME)));
    private static final Map<String, List<PhiSpan>> PRED = Map.of(
            "a", List.of(PhiSpan.of(0, 10, PhiType.NAME), PhiSpan.of(22, 26, PhiType.LOCATION),
                    PhiSpan.of(40, 50, PhiType.PHONE)));

    private final DeidScorer.Report report = DeidScorer.score(GOLD, PRED);

    @Test
    void overlapIgnoresTypes() {
        DeidScorer.Table t = report.table(DeidScorer.Matching.OVERLAP);
        assertEquals(new DeidScorer.Score(null, 3, 2, 3, 2), t.overall());
        assertEquals(new DeidScorer.Score(PhiType.NAME, 2, 1, 1, 1), t.score(PhiType.NAME));
        assertEquals(new DeidScorer.Score(PhiType.DATE, 1, 1, 0, 0), t.score(PhiType.DATE));
        assertEquals(new DeidScorer.Score(PhiType.LOCATION, 0, 0, 1, 1), t.score(PhiType.LOCATION));
        assertEquals(2.0 / 3, t.overall().precision(), 1e-12);
        assertEquals(2.0 / 3, t.overall().recall(), 1e-12);
        assertEquals(2.0 / 3, t.overall().f1(), 1e-12);
        assertTrue(Double.isNaN(t.score(PhiType.DATE).precision()));
    }

    @Test
    void exactSpanAndExactSpanWithType() {
        assertEquals(new DeidScorer.Score(null, 3, 1, 3, 1), report.table(DeidScorer.Matching.EXACT_SPAN).overall());
        List<PhiSpan> retyped = List.of(PhiSpan.of(0, 10, PhiType.LOCATION));
        DeidScorer.Report typed = DeidScorer.score(Map.of("a", List.of(PhiSpan.of(0, 10, PhiType.NAME))),
                Map.of("a", retyped));
        assertEquals(1, typed.table(DeidScorer.Matching.EXACT_SPAN).overall().goldFound());
        assertEquals(0, typed.table(DeidScorer.Matching.EXACT_SPAN_AND_TYPE).overall().goldFound());
        assertEquals(0.0, typed.table(DeidScorer.Matching.EXACT_SPAN_AND_TYPE).overall().f1());
    }

    @Test
    void characterLevelCountsCodePoints() {
        DeidScorer.Table t = report.table(DeidScorer.Matching.CHARACTER);
        // gold chars: 10 + 10 + 4 = 24, found: 10 + 4 = 14; predicted: 10 + 4 + 10 = 24, correct: 10 + 4 = 14
        assertEquals(new DeidScorer.Score(null, 24, 14, 24, 14), t.overall());
        assertEquals(new DeidScorer.Score(PhiType.DATE, 10, 4, 0, 0), t.score(PhiType.DATE));
    }

    @Test
    void markdownHasOneTablePerMatching() {
        String md = report.toMarkdown();
        assertEquals(4, md.split("### ").length - 1);
        assertTrue(md.contains("| **ALL** | 3 | 2 | 3 | 2 | 0.667 | 0.667 | 0.667 |"), md);
        assertTrue(md.contains("| DATE | 1 | 1 | 0 | 0 | n/a | 1.000 | n/a |"), md);
    }
}
