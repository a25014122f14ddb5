package dev.enclave.prep;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code prepare} entry of the manifest: where every input row went. Each step's {@code rows_in = rows_out +
 * quarantined + filtered}, each step's input is the previous step's output, and the splits' rows add up to
 * {@code rows_out}; the totals here are the sums over the steps.
 *
 * @param rowsIn records read from the input (header and blank lines excluded)
 * @param rowsOut examples written to the splits
 * @param quarantined rows quarantined, per {@link QuarantineReason}
 * @param filtered rows filtered out, per {@link FilterReason}
 * @param truncated examples written shortened, per reason
 * @param phiReplaced identifiers replaced by de-identification, per PHI kind
 * @param steps ingest, deidentify, dedup, filter, split, format, in order
 * @param dedup what the dedup step found
 * @param crossSplitCheck the search for near duplicates across splits after the split
 * @param splits per split: rows, groups, labels, tokens
 * @param tokens tokens in all splits
 * @param schema the columns of the split files
 * @param deidGate the de-identification quality gate's figures on the steward's gold sample; null without a gate
 * @param residualScan PHI the detectors still find in the decoded training examples, per type and split
 */
public record PrepareSummary(
        @JsonProperty("rows_in") long rowsIn,
        @JsonProperty("rows_out") long rowsOut,
        Map<String, Long> quarantined,
        Map<String, Long> filtered,
        Map<String, Long> truncated,
        @JsonProperty("phi_replaced") Map<String, Long> phiReplaced,
        List<StepSummary> steps,
        Dedup dedup,
        @JsonProperty("cross_split_check") CrossSplitCheck.Result crossSplitCheck,
        Map<String, SplitStatistics.Split> splits,
        long tokens,
        List<Column> schema,
        @JsonProperty("deid_gate") DeidGate.Result deidGate,
        @JsonProperty("residual_scan") ResidualScan.Result residualScan) {

    public PrepareSummary {
        quarantined = new TreeMap<>(quarantined);
        filtered = new TreeMap<>(filtered);
        truncated = new TreeMap<>(truncated);
        phiReplaced = new TreeMap<>(phiReplaced);
        steps = List.copyOf(steps);
        schema = List.copyOf(schema);
    }

    /**
     * Duplicate clusters found and rows removed; the clusters' ids are in {@code prepare/duplicate-clusters.json}.
     */
    public record Dedup(
            @JsonProperty("exact_clusters") long exactClusters,
            @JsonProperty("exact_removed") long exactRemoved,
            @JsonProperty("near_clusters") long nearClusters,
            @JsonProperty("near_removed") long nearRemoved) {

        static Dedup of(DuplicateRemoval.Clusters clusters) {
            return new Dedup(clusters.exact().size(), clusters.exactRemoved(), clusters.near().size(),
                    clusters.nearRemoved());
        }
    }

    /** A column of the split files. */
    public record Column(String name, String type, boolean nullable) {
        static List<Column> of(StructType schema) {
            return java.util.Arrays.stream(schema.fields())
                    .map((StructField f) -> new Column(f.name(), f.dataType().simpleString(), f.nullable())).toList();
        }
    }

    /** The summary of a finished preparation; checks the accounting. */
    static PrepareSummary of(List<StepSummary> steps, Map<String, Long> phiReplaced, Dedup dedup,
            CrossSplitCheck.Result crossSplitCheck, Map<String, SplitStatistics.Split> splits, StructType schema,
            DeidGate.Result deidGate, ResidualScan.Result residualScan) {
        long tokens = splits.values().stream().mapToLong(SplitStatistics.Split::tokens).sum();
        PrepareSummary summary = new PrepareSummary(steps.get(0).rowsIn(), steps.get(steps.size() - 1).rowsOut(),
                total(steps, StepSummary::quarantined), total(steps, StepSummary::filtered),
                total(steps, StepSummary::truncated), phiReplaced, steps, dedup, crossSplitCheck, splits, tokens,
                Column.of(schema), deidGate, residualScan);
        summary.checkAccounting();
        return summary;
    }

    /** What is known when the run stops at the quarantine gate: the ingest step. */
    static PrepareSummary quarantineOnly(List<StepSummary> steps, DeidGate.Result deidGate) {
        StepSummary ingest = steps.get(0);
        return new PrepareSummary(ingest.rowsIn(), 0, ingest.quarantined(), Map.of(), Map.of(), Map.of(), steps, null,
                null, Map.of(), 0, List.of(), deidGate, null);
    }

    private static Map<String, Long> total(List<StepSummary> steps,
            java.util.function.Function<StepSummary, Map<String, Long>> counts) {
        Map<String, Long> total = new TreeMap<>();
        steps.forEach(step -> counts.apply(step).forEach((reason, n) -> total.merge(reason, n, Long::sum)));
        return total;
    }

    /** Fails loudly if a row went missing: a bug, never the user's fault. */
    void checkAccounting() {
        long inSplits = splits.values().stream().mapToLong(SplitStatistics.Split::rows).sum();
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).rowsIn() != steps.get(i - 1).rowsOut()) {
                throw new IllegalStateException("row accounting broken: step " + steps.get(i).step() + " received "
                        + steps.get(i).rowsIn() + " rows, " + steps.get(i - 1).step() + " passed on "
                        + steps.get(i - 1).rowsOut());
            }
        }
        long accounted = rowsOut + StepSummary.sum(quarantined) + StepSummary.sum(filtered);
        if (accounted != rowsIn || inSplits != rowsOut) {
            throw new IllegalStateException("row accounting broken: in " + rowsIn + ", out " + rowsOut
                    + ", quarantined " + StepSummary.sum(quarantined) + ", filtered " + StepSummary.sum(filtered)
                    + ", in splits " + inSplits);
        }
    }
}
