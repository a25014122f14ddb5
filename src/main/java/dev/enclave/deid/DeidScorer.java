package dev.enclave.deid;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * Precision, recall and F1 of predicted PHI spans against gold spans, per {@link PhiType} and overall, under four
 * matchings. For each type, recall counts gold spans (or code points) of that type that were found and precision
 * counts predicted spans (or code points) of that type that are right; under the type-blind matchings a gold span
 * may be found by a prediction of any type. Documents missing from one side count as having no spans there.
 */
public final class DeidScorer {

    /** How a predicted span must agree with a gold span to count. */
    public enum Matching {
        /** Any overlap of at least one code point; types ignored. */
        OVERLAP,
        /** Same start and end; types ignored. */
        EXACT_SPAN,
        /** Same start, end and type. */
        EXACT_SPAN_AND_TYPE,
        /** Per code point: a gold code point is found when any prediction covers it; types ignored. */
        CHARACTER
    }

    /**
     * Counts for one type (or all types when {@code type} is null) under one matching.
     *
     * @param type the PHI type, or null for the overall row
     * @param gold gold spans (code points under {@link Matching#CHARACTER})
     * @param goldFound of those, found by the predictions
     * @param predicted predicted spans (code points)
     * @param predictedCorrect of those, agreeing with the gold
     */
    public record Score(PhiType type, long gold, long goldFound, long predicted, long predictedCorrect) {

        /** predictedCorrect / predicted, NaN when nothing was predicted. */
        public double precision() {
            return predicted == 0 ? Double.NaN : (double) predictedCorrect / predicted;
        }

        /** goldFound / gold, NaN when there is no gold. */
        public double recall() {
            return gold == 0 ? Double.NaN : (double) goldFound / gold;
        }

        /** Harmonic mean of precision and recall; NaN when either is undefined, 0 when both are 0. */
        public double f1() {
            double p = precision();
            double r = recall();
            if (Double.isNaN(p) || Double.isNaN(r)) {
                return Double.NaN;
            }
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** The type name, or "ALL". */
        public String label() {
            return type == null ? "ALL" : type.name();
        }

        Score plus(Score o) {
            return new Score(type, gold + o.gold, goldFound + o.goldFound, predicted + o.predicted,
                    predictedCorrect + o.predictedCorrect);
        }
    }

    /** The rows of one matching: one per type present on either side, then the overall row. */
    public record Table(Matching matching, List<Score> perType, Score overall) {

        public Table {
            perType = List.copyOf(perType);
        }

        /** The row of {@code type}, or a row of zeros. */
        public Score score(PhiType type) {
            return perType.stream().filter(s -> s.type() == type).findFirst().orElse(new Score(type, 0, 0, 0, 0));
        }
    }

    /** Tables for every matching. */
    public record Report(List<Table> tables) {

        public Report {
            tables = List.copyOf(tables);
        }

        public Table table(Matching matching) {
            return tables.stream().filter(t -> t.matching() == matching).findFirst().orElseThrow();
        }

        /** Markdown: one section and table per matching. */
        public String toMarkdown() {
            StringBuilder md = new StringBuilder();
            for (Table table : tables) {
                md.append("### ").append(title(table.matching())).append("\n\n");
                md.append("| type | gold | found | predicted | correct | precision | recall | F1 |\n");
                md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
                List<Score> rows = new ArrayList<>(table.perType());
                rows.add(table.overall());
                for (Score s : rows) {
                    String label = s.type() == null ? "**ALL**" : s.label();
                    md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s | %s | %s |%n", label,
                            s.gold(), s.goldFound(), s.predicted(), s.predictedCorrect(), format(s.precision()),
                            format(s.recall()), format(s.f1())));
                }
                md.append('\n');
            }
            return md.toString();
        }

        private static String title(Matching m) {
            return switch (m) {
                case OVERLAP -> "Overlap (lenient, type ignored)";
                case EXACT_SPAN -> "Exact span (type ignored)";
                case EXACT_SPAN_AND_TYPE -> "Exact span and type";
                case CHARACTER -> "Character level (code points, type ignored)";
            };
        }

        private static String format(double v) {
            return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
        }
    }

    private DeidScorer() {
    }

    /** Scores {@code predicted} against {@code gold}, both keyed by document id. */
    public static Report score(Map<String, List<PhiSpan>> gold, Map<String, List<PhiSpan>> predicted) {
        TreeSet<String> ids = new TreeSet<>(gold.keySet());
        ids.addAll(predicted.keySet());
        List<Table> tables = new ArrayList<>();
        for (Matching matching : Matching.values()) {
            Map<PhiType, Score> rows = new EnumMap<>(PhiType.class);
            Score overall = new Score(null, 0, 0, 0, 0);
            for (String id : ids) {
                List<PhiSpan> g = gold.getOrDefault(id, List.of());
                List<PhiSpan> p = predicted.getOrDefault(id, List.of());
                if (matching == Matching.CHARACTER) {
                    overall = overall.plus(characters(g, p, null));
                    for (PhiType type : typesIn(g, p)) {
                        rows.merge(type, characters(g, p, type), Score::plus);
                    }
                } else {
                    BiPredicate<PhiSpan, PhiSpan> agree = agreement(matching);
                    for (PhiType type : typesIn(g, p)) {
                        Score s = spans(g, p, type, agree);
                        rows.merge(type, s, Score::plus);
                        overall = overall.plus(new Score(null, s.gold(), s.goldFound(), s.predicted(),
                                s.predictedCorrect()));
                    }
                }
            }
            tables.add(new Table(matching, new ArrayList<>(rows.values()), overall));
        }
        return new Report(tables);
    }

    private static BiPredicate<PhiSpan, PhiSpan> agreement(Matching matching) {
        return switch (matching) {
            case OVERLAP -> PhiSpan::overlaps;
            case EXACT_SPAN -> PhiSpan::sameExtent;
            case EXACT_SPAN_AND_TYPE -> (a, b) -> a.sameExtent(b) && a.type() == b.type();
            case CHARACTER -> throw new IllegalArgumentException("character matching has no span agreement");
        };
    }

    private static TreeSet<PhiType> typesIn(List<PhiSpan> gold, List<PhiSpan> predicted) {
        TreeSet<PhiType> types = new TreeSet<>();
        gold.forEach(s -> types.add(s.type()));
        predicted.forEach(s -> types.add(s.type()));
        return types;
    }

    private static Score spans(List<PhiSpan> gold, List<PhiSpan> predicted, PhiType type,
            BiPredicate<PhiSpan, PhiSpan> agree) {
        long g = 0;
        long found = 0;
        for (PhiSpan span : gold) {
            if (span.type() == type) {
                g++;
                if (predicted.stream().anyMatch(p -> agree.test(span, p))) {
                    found++;
                }
            }
        }
        long p = 0;
        long correct = 0;
        for (PhiSpan span : predicted) {
            if (span.type() == type) {
                p++;
                if (gold.stream().anyMatch(x -> agree.test(x, span))) {
                    correct++;
                }
            }
        }
        return new Score(type, g, found, p, correct);
    }

    /** Code point counts for {@code type}, or for all types when it is null. */
    private static Score characters(List<PhiSpan> gold, List<PhiSpan> predicted, PhiType type) {
        BitSet allGold = cover(gold, null);
        BitSet allPredicted = cover(predicted, null);
        BitSet g = cover(gold, type);
        BitSet p = cover(predicted, type);
        BitSet found = (BitSet) g.clone();
        found.and(allPredicted);
        BitSet correct = (BitSet) p.clone();
        correct.and(allGold);
        return new Score(type, g.cardinality(), found.cardinality(), p.cardinality(), correct.cardinality());
    }

    private static BitSet cover(List<PhiSpan> spans, PhiType type) {
        BitSet bits = new BitSet();
        for (PhiSpan s : spans) {
            if (type == null || s.type() == type) {
                bits.set(s.start(), s.end());
            }
        }
        return bits;
    }
}
