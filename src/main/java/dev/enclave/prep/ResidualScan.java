package dev.enclave.prep;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.flatten;

import dev.enclave.EnclaveException;
import dev.enclave.deid.Deidentifier;
import dev.enclave.deid.PhiSpan;
import dev.enclave.deid.PhiType;
import dev.enclave.deid.ResidualScanner;
import dev.enclave.model.TextEncoder;
import dev.enclave.model.TextEncoderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The residual scan, a Spark step after the format step: every final training example of every split is decoded
 * from its token ids ({@link TextEncoder#decode}, special tokens left out) and the detectors run over it again through
 * a {@link ResidualScanner}, which does not count Enclave's own masks and the surrogates de-identification inserted
 * into the example's source rows. Hits are counted per PHI type and split; more than
 * {@code deid.max_residual_per_million_tokens} fails the run.
 */
final class ResidualScan {
    private static final String TYPE = "type";
    private static final String HITS = "hits";
    private static final StructType SCANNED = new StructType()
            .add(PreparedRows.SPLIT, DataTypes.StringType, false)
            .add(PreparedRows.TOKENS, DataTypes.LongType, false)
            .add(HITS, DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType), false);

    /**
     * What the scan found, as the manifest holds it.
     *
     * @param byType residual hits per PHI type, all splits
     * @param bySplit residual hits per split and PHI type (every split listed, empty when clean)
     * @param hits all residual hits
     * @param tokens tokens scanned (all splits, special tokens included)
     * @param perMillionTokens hits per million tokens
     * @param maxPerMillionTokens the spec's maximum, or null when none is set
     * @param passed whether the rate is within the maximum (true without one)
     */
    record Result(Map<String, Long> byType, Map<String, Map<String, Long>> bySplit, long hits, long tokens,
            double perMillionTokens, Double maxPerMillionTokens, boolean passed) {

        Result {
            byType = new TreeMap<>(byType);
            bySplit = new TreeMap<>(bySplit);
        }

        static Result of(Map<String, Map<String, Long>> bySplit, long tokens, Double max) {
            Map<String, Long> byType = new TreeMap<>();
            bySplit.values().forEach(counts -> counts.forEach((type, n) -> byType.merge(type, n, Long::sum)));
            long hits = byType.values().stream().mapToLong(Long::longValue).sum();
            double rate = tokens == 0 ? 0 : 1e6 * hits / tokens;
            return new Result(byType, bySplit, hits, tokens, rate, max, max == null || rate <= max);
        }

        /** The failure message: the measured rate, the threshold, the counts per type and split (no text). */
        String failure() {
            return String.format(Locale.ROOT, "deid.max_residual_per_million_tokens: the residual scan found %d PHI"
                    + " hits in %,d tokens of decoded training examples, %.1f per million tokens, over the maximum"
                    + " %.1f; by type %s; by split %s", hits, tokens, perMillionTokens, maxPerMillionTokens,
                    byType, bySplit);
        }
    }

    private ResidualScan() {}

    /**
     * Scans the formatted examples.
     *
     * @param examples the format step's output: a split column, token ids, and either an id (one example per row) or
     *     the ids of the packed examples
     * @param surrogates id and inserted surrogates of every de-identified row
     * @param encoders the tokenizer the examples were made with
     * @param deidentifier the detectors to run again
     * @param max the spec's maximum per million tokens, or null
     */
    static Result run(Dataset<Row> examples, Dataset<Row> surrogates, TextEncoderFactory encoders,
            Deidentifier deidentifier, Double max) {
        Dataset<Row> withSurrogates = attachSurrogates(examples, surrogates);
        Dataset<Row> scanned = withSurrogates.mapPartitions(new ScanRows(encoders, deidentifier),
                Encoders.row(SCANNED));
        Map<String, Map<String, Long>> bySplit = new TreeMap<>();
        GroupSplitter.SPLITS.forEach(split -> bySplit.put(split, new TreeMap<>()));
        long tokens = 0;
        for (Row row : scanned.groupBy(PreparedRows.SPLIT).sum(PreparedRows.TOKENS).collectAsList()) {
            tokens += row.getLong(1);
        }
        for (Row row : scanned.select(col(PreparedRows.SPLIT), explode(col(HITS)).as(new String[] {TYPE, HITS}))
                .groupBy(PreparedRows.SPLIT, TYPE).sum(HITS).collectAsList()) {
            bySplit.computeIfAbsent(row.getString(0), split -> new TreeMap<>()).put(row.getString(1), row.getLong(2));
        }
        return Result.of(bySplit, tokens, max);
    }

    /** Fails the run when the result is over the maximum. */
    static void enforce(Result result) {
        if (!result.passed()) {
            throw EnclaveException.gateFailed(result.failure());
        }
    }

    /** Split, token ids and the surrogates of the example's source rows (several for a packed sequence). */
    private static Dataset<Row> attachSurrogates(Dataset<Row> examples, Dataset<Row> surrogates) {
        Dataset<Row> bySource = surrogates.select(col(PreparedRows.ID).as("source_id"),
                col(PreparedRows.SURROGATES));
        if (Arrays.asList(examples.columns()).contains(SequencePacker.SOURCE_IDS)) {
            Dataset<Row> perSequence = examples.select(col(PreparedRows.ID).as("sequence_id"),
                            explode(col(SequencePacker.SOURCE_IDS)).as("source_id"))
                    .join(bySource, "source_id")
                    .groupBy("sequence_id").agg(flatten(collect_list(col(PreparedRows.SURROGATES)))
                            .as(PreparedRows.SURROGATES));
            return examples.join(perSequence, examples.col(PreparedRows.ID).equalTo(perSequence.col("sequence_id")))
                    .select(col(PreparedRows.SPLIT), col(PreparedRows.INPUT_IDS), col(PreparedRows.SURROGATES));
        }
        return examples.join(bySource, examples.col(PreparedRows.ID).equalTo(bySource.col("source_id")))
                .select(col(PreparedRows.SPLIT), col(PreparedRows.INPUT_IDS), col(PreparedRows.SURROGATES));
    }

    /** Spark task function: decodes each example and counts its residual hits per type. One encoder per task. */
    private static final class ScanRows implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;

        private final TextEncoderFactory encoders;
        private final ResidualScanner scanner;

        ScanRows(TextEncoderFactory encoders, Deidentifier deidentifier) {
            this.encoders = encoders;
            this.scanner = new ResidualScanner(deidentifier);
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            TextEncoder encoder;
            try {
                encoder = encoders.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    boolean more = rows.hasNext();
                    if (!more) {
                        encoder.close();
                    }
                    return more;
                }

                @Override
                public Row next() {
                    Row row = rows.next();
                    List<Integer> ids = row.getList(1);
                    long[] tokens = ids.stream().mapToLong(Integer::longValue).toArray();
                    Map<String, PhiType> inserted = new HashMap<>();
                    for (Row surrogate : row.<Row>getList(2)) {
                        inserted.putIfAbsent(surrogate.getString(0), PhiType.valueOf(surrogate.getString(1)));
                    }
                    List<PhiSpan> residuals = scanner.scan(encoder.decode(tokens, true), inserted).residuals();
                    Map<String, Integer> hits = residuals.stream().collect(Collectors.toMap(
                            span -> span.type().name(), span -> 1, Integer::sum, TreeMap::new));
                    return RowFactory.create(row.getString(0), (long) tokens.length,
                            scala.jdk.javaapi.CollectionConverters.asScala(hits));
                }
            };
        }
    }
}
