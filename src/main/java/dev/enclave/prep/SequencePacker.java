package dev.enclave.prep;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.ArraySeq;

/**
 * Packs causal examples (each already ending with the end token) into sequences of up to {@code max_tokens}: within a
 * split, examples are dealt into a fixed number of buckets by a hash of their id, and each bucket, in id order, fills
 * sequences greedily; an example never straddles two sequences. Bucket count and order depend on the data only, so
 * the packs are the same on any cluster. {@code example_starts} gives each example's offset, for attention masks that
 * keep examples apart.
 */
final class SequencePacker {
    static final String SOURCE_IDS = "source_ids";
    static final String EXAMPLE_STARTS = "example_starts";
    static final String EXAMPLES = "examples";
    private static final String BUCKET = "_bucket";

    /** A packed sequence, as written to the split files. */
    static final StructType PACKED = new StructType()
            .add(PreparedRows.ID, DataTypes.StringType, false)
            .add(PreparedRows.SPLIT, DataTypes.StringType, false)
            .add(SOURCE_IDS, DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add(PreparedRows.INPUT_IDS, DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add(CausalExamples.LOSS_MASK, DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add(EXAMPLE_STARTS, DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add(PreparedRows.TOKENS, DataTypes.IntegerType, false)
            .add(EXAMPLES, DataTypes.IntegerType, false);

    private SequencePacker() {}

    /** Packs {@code examples} (columns split, id, input_ids, loss_mask, tokens) into sequences. */
    static Dataset<Row> pack(Dataset<Row> examples, long exampleCount, int maxTokens) {
        int buckets = (int) Math.max(1, Math.min(64, exampleCount / 20_000));
        return examples.select(col(PreparedRows.SPLIT), col(PreparedRows.ID), col(PreparedRows.INPUT_IDS),
                        col(CausalExamples.LOSS_MASK), pmod(hash(col(PreparedRows.ID)), lit(buckets)).as(BUCKET))
                .repartition(buckets * GroupSplitter.SPLITS.size(), col(PreparedRows.SPLIT), col(BUCKET))
                .sortWithinPartitions(PreparedRows.SPLIT, BUCKET, PreparedRows.ID)
                .mapPartitions(new Greedy(maxTokens), Encoders.row(PACKED));
    }

    /** Fills sequences in order, starting a new one at each change of split or bucket; streams. */
    private record Greedy(int maxTokens) implements MapPartitionsFunction<Row, Row> {
        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            return new Iterator<>() {
                private Pack open;
                private Row pending;

                @Override
                public boolean hasNext() {
                    return open != null || pending != null || rows.hasNext();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    while (pending != null || rows.hasNext()) {
                        Row row = pending != null ? pending : rows.next();
                        pending = null;
                        String split = row.getString(0);
                        int bucket = row.getInt(4);
                        List<Integer> ids = row.getList(2);
                        boolean sameRun = open != null && open.split.equals(split) && open.bucket == bucket;
                        if (open != null && (!sameRun || open.ids.size() + ids.size() > maxTokens)) {
                            Pack full = open;
                            open = sameRun ? full.next() : null;
                            pending = row;
                            return full.toRow();
                        }
                        if (open == null) {
                            open = new Pack(split, bucket, 0);
                        }
                        open.add(row.getString(1), ids, row.getList(3));
                    }
                    Pack last = open;
                    open = null;
                    return last.toRow();
                }
            };
        }
    }

    private static final class Pack {
        private final String split;
        private final int bucket;
        private final int number;
        private final List<String> sources = new ArrayList<>();
        private final List<Integer> ids = new ArrayList<>();
        private final List<Integer> mask = new ArrayList<>();
        private final List<Integer> starts = new ArrayList<>();

        Pack(String split, int bucket, int number) {
            this.split = split;
            this.bucket = bucket;
            this.number = number;
        }

        Pack next() {
            return new Pack(split, bucket, number + 1);
        }

        void add(String id, List<Integer> inputIds, List<Integer> lossMask) {
            sources.add(id);
            starts.add(ids.size());
            ids.addAll(inputIds);
            mask.addAll(lossMask);
        }

        Row toRow() {
            String id = String.format(Locale.ROOT, "%s-%02d-%06d", split, bucket, number);
            return RowFactory.create(id, split, ArraySeq.unsafeWrapArray(sources.toArray(new String[0])),
                    ints(ids), ints(mask), ints(starts), ids.size(), sources.size());
        }

        private static ArraySeq<Object> ints(List<Integer> values) {
            return ArraySeq.unsafeWrapArray(values.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
