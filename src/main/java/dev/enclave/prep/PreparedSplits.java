package dev.enclave.prep;

import dev.enclave.run.RunContext;
import dev.enclave.train.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/** Reads a prepared split back for training and evaluation, in id order, with an audited read. */
public final class PreparedSplits {
    private PreparedSplits() {}

    /** The examples of {@code split} ("train", "validation", "test"); read by whichever stage asks. */
    public static List<Example> read(RunContext run, String stage, String split) {
        Path file = run.files().check(run.folder().preparedSplit(split), "read");
        if (!Files.isRegularFile(file)) {
            throw dev.enclave.EnclaveException.badInput(run.folder().relative(file)
                    + " is missing: run 'enclave prepare' on this run first");
        }
        List<Row> rows = SparkSessions.of(run).read().parquet(file.toString())
                .select(PreparedRows.ID, PreparedRows.INPUT_IDS, PreparedRows.LABEL_INDEX)
                .orderBy(PreparedRows.ID)
                .collectAsList();
        List<Example> examples = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<Integer> ids = row.getList(1);
            int[] inputIds = ids.stream().mapToInt(Integer::intValue).toArray();
            examples.add(new Example(row.getString(0), inputIds, row.getInt(2)));
        }
        run.files().recordRead(stage, file, (long) examples.size());
        return examples;
    }
}
