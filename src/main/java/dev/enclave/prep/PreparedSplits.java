package dev.enclave.prep;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.enclave.EnclaveException;
import dev.enclave.run.RunContext;
import dev.enclave.train.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Reads a prepared split back for training and evaluation, in id order, with an audited read: classification and
 * masked-lm rows as {@link Example}s, causal-lm rows (examples or packed sequences) as {@link CausalSequence}s.
 */
public final class PreparedSplits {
    private PreparedSplits() {}

    /**
     * One causal-lm training row.
     *
     * @param id the example's id, or the packed sequence's
     * @param inputIds prefix, prompt, completion and end token (of each packed example, in turn)
     * @param lossMask 1 where the token is to be predicted (completion and end token), else 0
     * @param exampleStarts where each example starts ({@code {0}} for an unpacked example)
     */
    public record CausalSequence(String id, int[] inputIds, int[] lossMask, int[] exampleStarts) {}

    /** The examples of {@code split} ("train", "validation", "test"); read by whichever stage asks. */
    public static List<Example> read(RunContext run, String stage, String split) {
        Path file = existing(run, split);
        List<Row> rows = SparkSessions.of(run).read().parquet(file.toString())
                .select(PreparedRows.ID, PreparedRows.INPUT_IDS, PreparedRows.LABEL_INDEX)
                .orderBy(PreparedRows.ID)
                .collectAsList();
        List<Example> examples = new ArrayList<>(rows.size());
        for (Row row : rows) {
            examples.add(new Example(row.getString(0), ints(row.getList(1)), row.getInt(2)));
        }
        run.files().recordRead(stage, file, (long) examples.size());
        return examples;
    }

    /** The causal-lm rows of {@code split}, packed or not, in id order. */
    public static List<CausalSequence> readCausal(RunContext run, String stage, String split) {
        Path file = existing(run, split);
        Dataset<Row> data = SparkSessions.of(run).read().parquet(file.toString());
        boolean packed = Arrays.asList(data.columns()).contains(SequencePacker.EXAMPLE_STARTS);
        List<Row> rows = data.select(col(PreparedRows.ID), col(PreparedRows.INPUT_IDS), col(CausalExamples.LOSS_MASK),
                        packed ? col(SequencePacker.EXAMPLE_STARTS) : array(lit(0)))
                .orderBy(PreparedRows.ID)
                .collectAsList();
        List<CausalSequence> sequences = new ArrayList<>(rows.size());
        for (Row row : rows) {
            sequences.add(new CausalSequence(row.getString(0), ints(row.getList(1)), ints(row.getList(2)),
                    ints(row.getList(3))));
        }
        run.files().recordRead(stage, file, (long) sequences.size());
        return sequences;
    }

    private static Path existing(RunContext run, String split) {
        Path file = run.files().check(run.folder().preparedSplit(split), "read");
        if (!Files.isRegularFile(file)) {
            throw EnclaveException.badInput(run.folder().relative(file)
                    + " is missing: run 'enclave prepare' on this run first");
        }
        return file;
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
