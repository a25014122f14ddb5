package dev.enclave.prep;

import static org.apache.spark.sql.functions.col;

import dev.enclave.model.TextEncoderFactory;
import dev.enclave.spec.PipelineSpec;
import dev.enclave.spec.TaskSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The format step: the split rows become training examples of the spec's task ({@link TokeniseRows} for
 * classification and masked-lm, {@link CausalExamples} for causal-lm, packed by {@link SequencePacker} when asked).
 *
 * @param output the rows to write, with their split column
 * @param statistics per-split figures of the examples
 * @param cached datasets to free once written
 */
record PreparedExamples(Dataset<Row> output, Map<String, SplitStatistics.Split> statistics,
        List<Dataset<Row>> cached) {

    /** Output columns of unpacked causal examples. */
    private static final String[] CAUSAL_COLUMNS = {PreparedRows.ID, PreparedRows.GROUP, PreparedRows.TEXT,
        PreparedRows.LABEL, PreparedRows.SPLIT, PreparedRows.INPUT_IDS, CausalExamples.LOSS_MASK, PreparedRows.TOKENS,
        CausalExamples.PROMPT_TOKENS, PreparedRows.TRUNCATED};

    static PreparedExamples format(Dataset<Row> split, PipelineSpec spec, Path modelDir, String tokenizerFile,
            StepTally tally) {
        TaskSpec task = spec.task();
        if (task.type() != TaskSpec.Type.CAUSAL_LM) {
            TextEncoderFactory encoders = new TextEncoderFactory(tokenizerFile, task.maxTokens());
            Dataset<Row> tokenised = tally.lossless("format", split.mapPartitions(
                    new TokeniseRows(encoders, spec.data().labels()), Encoders.row(PreparedRows.TOKENISED)),
                    PreparedRows.TRUNCATED);
            return new PreparedExamples(tokenised, SplitStatistics.of(tokenised, null), List.of());
        }
        SpecialTokens special = SpecialTokens.of(modelDir, task.eosToken());
        Dataset<Row> examples = tally.marked("format", split.mapPartitions(
                new CausalExamples(tokenizerFile, task, special), Encoders.row(CausalExamples.MARKED)),
                PreparedRows.TRUNCATED);
        if (!task.packing()) {
            return new PreparedExamples(examples.select(CAUSAL_COLUMNS[0], java.util.Arrays.copyOfRange(CAUSAL_COLUMNS, 1,
                    CAUSAL_COLUMNS.length)), SplitStatistics.of(examples, null), List.of());
        }
        long count = tally.steps().get(tally.steps().size() - 1).rowsOut();
        Dataset<Row> packed = SequencePacker.pack(examples, count, task.maxTokens())
                .persist(StorageLevel.MEMORY_AND_DISK());
        Map<String, Long> sequences = new TreeMap<>();
        for (Row row : packed.groupBy(col(PreparedRows.SPLIT)).count().collectAsList()) {
            sequences.put(row.getString(0), row.getLong(1));
        }
        return new PreparedExamples(packed, SplitStatistics.of(examples, sequences), List.of(packed));
    }

    void release() {
        cached.forEach(Dataset::unpersist);
    }
}
