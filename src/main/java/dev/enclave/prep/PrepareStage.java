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
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The Spark data preparation, in steps: ingest (with line numbers and quarantine), deidentify, dedup, filter, split
 * (by group, then a cross-split near-duplicate check), format (tokenise per task), then a residual scan of the decoded
 * examples ({@link ResidualScan}). Before any of it, the de-identification quality gate ({@link DeidGate}) scores the
 * detectors on the steward's gold sample when the spec names one. It writes
 * {@code prepared/<split>.parquet}, {@code quarantine/quarantined.json}, {@code prepare/filtered.json} (every
 * filtered row's file, line, id, step and reason) and {@code prepare/duplicate-clusters.json}. Every input row is
 * accounted for: the manifest's {@code prepare} entry holds, per step, rows in, rows out, quarantined and filtered
 * rows per reason, and the stage fails if they do not add up.
 */
public final class PrepareStage implements Stage {
    public static final String NAME = "prepare";

    private final BiConsumer<String, Long> stepTimes;

    /** A stage that reports nothing beyond the manifest. */
    public PrepareStage() {
        this((step, nanos) -> { });
    }

    /** A stage that also reports each step's wall time in nanoseconds (for benchmarks; times never enter the run). */
    public PrepareStage(BiConsumer<String, Long> stepTimes) {
        this.stepTimes = stepTimes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(RunContext run) {
        PipelineSpec spec = run.spec();
        Path input = run.policy().resolve(spec.data().path(), "data.path");
        Path modelDir = run.policy().resolve(spec.model().path(), "model.path");
        String tokenizerFile = modelDir.resolve(HfModelFolder.TOKENIZER_FILE).toString();
        Deidentifier deidentifier = deidentifier(spec);
        DeidGate.Result gate = DeidGate.check(run, NAME, deidentifier);
        run.files().recordRead(NAME, input, null);
        SparkSession spark = SparkSessions.of(run);
        StepTally tally = new StepTally();
        try {
            prepare(run, spark, input, modelDir, tokenizerFile, tally, deidentifier, gate);
        } finally {
            tally.release();
        }
    }

    private void prepare(RunContext run, SparkSession spark, Path input, Path modelDir, String tokenizerFile,
            StepTally tally, Deidentifier deidentifier, DeidGate.Result gate) {
        PipelineSpec spec = run.spec();
        boolean labelled = spec.task().usesLabel();
        long started = System.nanoTime();

        Dataset<Row> read = Ingest.read(spark, input, spec.data().path(), spec.data(), labelled)
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> ingested = Quarantine.markDuplicateIds(read);
        Quarantine.Counts counts = Quarantine.counts(ingested);
        long rowsIn = counts.rows();
        Map<String, Long> quarantinedByReason = counts.quarantined();
        long quarantinedRows = StepSummary.sum(quarantinedByReason);
        Path quarantineFile = run.folder().quarantine().resolve("quarantined.json");
        run.manifest().addFile(SplitWriter.write(run, NAME,
                ingested.filter(col(InputRows.REASON).isNotNull()).select(InputRows.SOURCE, InputRows.LINE,
                        InputRows.REASON, InputRows.MESSAGE, InputRows.ID, InputRows.GROUP, InputRows.RAW),
                List.of(col(InputRows.SOURCE), col(InputRows.LINE)), quarantineFile, SplitWriter.Format.JSON,
                quarantinedRows));
        tally.ingest(rowsIn, quarantinedByReason);
        started = lap("ingest", started);
        double fraction = rowsIn == 0 ? 0 : (double) quarantinedRows / rowsIn;
        if (fraction > spec.data().maxQuarantinedFraction()) {
            read.unpersist();
            run.manifest().putStage(NAME, PrepareSummary.quarantineOnly(tally.steps(), gate));
            run.writeManifest(NAME);
            throw EnclaveException.badInput(String.format(Locale.ROOT,
                    "%s: %d of %d rows (%.1f%%) were quarantined, over data.max_quarantined_fraction %.1f%%; "
                            + "reasons %s; see %s", spec.data().path(), quarantinedRows, rowsIn, 100 * fraction,
                    100 * spec.data().maxQuarantinedFraction(), quarantinedByReason,
                    run.folder().relative(quarantineFile)));
        }

        Dataset<Row> accepted = ingested.filter(col(InputRows.REASON).isNull())
                .select(InputRows.SOURCE, InputRows.LINE, InputRows.ID, InputRows.GROUP, InputRows.TEXT,
                        InputRows.LABEL)
                .repartition(spark.sparkContext().defaultParallelism(), col(InputRows.ID));
        Dataset<Row> withSurrogates = tally.lossless("deidentify", accepted.mapPartitions(
                new DeidentifyRows(deidentifier), Encoders.row(PreparedRows.DEIDENTIFIED)), null);
        Dataset<Row> deidentified = withSurrogates.drop(PreparedRows.SURROGATES);
        // The residual scan needs each row's surrogates after the later steps have released this step's rows: keep
        // the small (id, surrogates) projection, materialised now, so the scan does not recompute ingest and
        // de-identification.
        Dataset<Row> surrogates = withSurrogates.select(PreparedRows.ID, PreparedRows.SURROGATES)
                .persist(StorageLevel.MEMORY_AND_DISK());
        surrogates.count();
        read.unpersist();
        Map<String, Long> phiReplaced = phiCounts(deidentified);
        started = lap("deidentify", started);

        DuplicateRemoval.Clusters clusters = DuplicateRemoval.find(deidentified, spec.dedup(), spec.seed());
        run.manifest().addFile(run.files().writeJson(NAME, prepareFolder(run).resolve("duplicate-clusters.json"),
                clusters));
        Dataset<Row> unique = tally.marked("dedup", DuplicateRemoval.mark(deidentified, clusters), null);
        started = lap("dedup", started);

        Dataset<Row> kept = TextFilters.any(spec.filters())
                ? tally.marked("filter", unique.mapPartitions(new TextFilters(spec.filters(), tokenizerFile),
                        Encoders.row(TextFilters.markedSchema(unique.schema()))), null)
                : tally.unchanged("filter", unique);
        started = lap("filter", started);

        Dataset<Row> assigned = GroupSplitter.split(spark, kept, spec.split(), spec.seed(), labelled)
                .persist(StorageLevel.MEMORY_AND_DISK());
        CrossSplitCheck.Outcome check = CrossSplitCheck.run(assigned, spec.dedup(), spec.seed());
        Dataset<Row> split = tally.marked("split", check.marked(), null);
        assigned.unpersist();
        started = lap("split", started);

        PreparedExamples examples = PreparedExamples.format(split, spec, modelDir, tokenizerFile, tally);
        started = lap("format", started);

        ResidualScan.Result residual = ResidualScan.run(examples.output(), surrogates,
                new TextEncoderFactory(tokenizerFile, spec.task().maxTokens()), deidentifier,
                spec.deid().maxResidualPerMillionTokens());
        surrogates.unpersist();
        PrepareSummary summary = PrepareSummary.of(tally.steps(), phiReplaced, PrepareSummary.Dedup.of(clusters),
                check.result(), examples.statistics(), examples.output().schema(), gate, residual);
        started = lap("residual-scan", started);
        run.manifest().putStage(NAME, summary);
        if (!residual.passed()) {
            examples.release();
            run.writeManifest(NAME);
            ResidualScan.enforce(residual);
        }
        for (String name : GroupSplitter.SPLITS) {
            Dataset<Row> rows = examples.output().filter(col(PreparedRows.SPLIT).equalTo(name))
                    .drop(PreparedRows.SPLIT);
            SplitStatistics.Split figures = summary.splits().get(name);
            run.manifest().addFile(SplitWriter.write(run, NAME, rows, List.of(col(PreparedRows.ID)),
                    run.folder().preparedSplit(name), SplitWriter.Format.PARQUET,
                    figures.sequences() == null ? figures.rows() : figures.sequences()));
        }
        run.manifest().addFile(writeFiltered(run, spark, tally));
        examples.release();
        lap("write", started);
    }

    private FileRecord writeFiltered(RunContext run, SparkSession spark, StepTally tally) {
        Dataset<Row> filtered = tally.filteredRows();
        long count = tally.steps().stream().mapToLong(s -> StepSummary.sum(s.filtered())).sum();
        if (filtered == null) {
            filtered = spark.createDataFrame(List.of(), StepTally.FILTERED);
        }
        return SplitWriter.write(run, NAME, filtered, List.of(col(InputRows.SOURCE), col(InputRows.LINE)),
                prepareFolder(run).resolve("filtered.json"), SplitWriter.Format.JSON, count);
    }

    private static Path prepareFolder(RunContext run) {
        return run.folder().root().resolve(NAME);
    }

    private long lap(String step, long started) {
        long now = System.nanoTime();
        stepTimes.accept(step, now - started);
        return now;
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
