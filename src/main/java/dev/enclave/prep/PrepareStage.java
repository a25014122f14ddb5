package dev.enclave.prep;

import static org.apache.spark.sql.functions.col;

import dev.enclave.EnclaveException;
import dev.enclave.deid.Deidentifier;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.TextEncoderFactory;
import dev.enclave.run.FileRecord;
import dev.enclave.run.RunContext;
import dev.enclave.run.Stage;
import dev.enclave.spec.PipelineSpec;
import dev.enclave.spec.TaskSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The Spark data preparation: ingest with line numbers, quarantine, de-identify, split by group, tokenise, and write
 * {@code prepared/<split>.parquet} and {@code quarantine/quarantined.json}. Every input row is accounted for: the
 * manifest's {@code prepare} entry holds rows in, rows out and quarantined rows per reason, and they add up.
 */
public final class PrepareStage implements Stage {
    public static final String NAME = "prepare";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(RunContext run) {
        PipelineSpec spec = run.spec();
        boolean labelled = spec.task().type() == TaskSpec.Type.CLASSIFICATION;
        Path input = run.policy().resolve(spec.data().path(), "data.path");
        TextEncoderFactory encoders = new TextEncoderFactory(run.policy().resolve(spec.model().path(), "model.path")
                .resolve(HfModelFolder.TOKENIZER_FILE).toString(), spec.task().maxTokens());
        run.files().recordRead(NAME, input, null);
        SparkSession spark = SparkSessions.of(run);

        Dataset<Row> ingested = Quarantine.markDuplicateIds(
                        CsvIngest.read(spark, input, spec.data().path(), spec.data(), labelled))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long rowsIn = ingested.count();
        Dataset<Row> quarantined = ingested.filter(col(InputRows.REASON).isNotNull());
        Map<String, Long> quarantinedByReason = Quarantine.countByReason(quarantined);
        long quarantinedRows = quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
        FileRecord quarantineFile = SplitWriter.write(run, NAME,
                quarantined.select(InputRows.SOURCE, InputRows.LINE, InputRows.REASON, InputRows.MESSAGE,
                        InputRows.ID, InputRows.GROUP, InputRows.RAW),
                List.of(col(InputRows.SOURCE), col(InputRows.LINE)),
                run.folder().quarantine().resolve("quarantined.json"), SplitWriter.Format.JSON, quarantinedRows);
        run.manifest().addFile(quarantineFile);
        double fraction = rowsIn == 0 ? 0 : (double) quarantinedRows / rowsIn;
        if (fraction > spec.data().maxQuarantinedFraction()) {
            run.manifest().putStage(NAME, PrepareSummary.quarantineOnly(rowsIn, quarantinedByReason));
            run.writeManifest(NAME);
            throw EnclaveException.badInput(String.format(java.util.Locale.ROOT,
                    "%s: %d of %d rows (%.1f%%) were quarantined, over data.max_quarantined_fraction %.1f%%; "
                            + "reasons %s; see %s", spec.data().path(), quarantinedRows, rowsIn, 100 * fraction,
                    100 * spec.data().maxQuarantinedFraction(), quarantinedByReason,
                    run.folder().relative(run.folder().quarantine().resolve("quarantined.json"))));
        }

        Dataset<Row> accepted = ingested.filter(col(InputRows.REASON).isNull())
                .select(InputRows.ID, InputRows.GROUP, InputRows.TEXT, InputRows.LABEL)
                .repartition(spark.sparkContext().defaultParallelism(), col(InputRows.ID));
        Dataset<Row> deidentified = accepted
                .mapPartitions(new DeidentifyRows(deidentifier(spec)), Encoders.row(PreparedRows.DEIDENTIFIED))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long rowsOut = deidentified.count();
        ingested.unpersist();

        Dataset<Row> split = GroupSplitter.split(spark, deidentified, spec.split(), spec.seed(), labelled);
        Dataset<Row> tokenised = split
                .mapPartitions(new TokeniseRows(encoders, spec.data().labels()),
                        Encoders.row(PreparedRows.TOKENISED))
                .persist(StorageLevel.MEMORY_AND_DISK());

        PrepareSummary summary = PrepareSummary.of(rowsIn, rowsOut, quarantinedByReason,
                phiCounts(deidentified), SplitStatistics.of(tokenised));
        summary.checkAccounting();
        run.manifest().putStage(NAME, summary);
        for (String name : GroupSplitter.SPLITS) {
            Dataset<Row> rows = tokenised.filter(col(PreparedRows.SPLIT).equalTo(name)).drop(PreparedRows.SPLIT);
            FileRecord file = SplitWriter.write(run, NAME, rows, List.of(col(PreparedRows.ID)),
                    run.folder().preparedSplit(name), SplitWriter.Format.PARQUET, summary.splits().get(name).rows());
            run.manifest().addFile(file);
        }
        tokenised.unpersist();
        deidentified.unpersist();

    }

    private static Deidentifier deidentifier(PipelineSpec spec) {
        return Deidentifier.builder().mode(spec.deid().mode()).seed(spec.seed()).build();
    }

    private static Map<String, Long> phiCounts(Dataset<Row> deidentified) {
        Map<String, Long> counts = new TreeMap<>();
        List<Row> rows = deidentified.selectExpr("explode(" + PreparedRows.PHI_SPANS + ") as (type, n)")
                .groupBy("type").sum("n").collectAsList();
        for (Row row : rows) {
            counts.put(row.getString(0), row.getLong(1));
        }
        return counts;
    }
}
