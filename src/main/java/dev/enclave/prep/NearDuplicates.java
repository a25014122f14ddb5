package dev.enclave.prep;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import dev.enclave.spec.DedupSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Finds pairs of texts whose word-shingle sets have a Jaccard similarity of at least the spec's threshold.
 *
 * <p>Spark ML's {@link MinHashLSH} draws {@code tables × hashesPerTable} MinHash functions from the seed;
 * {@link MinHasher} evaluates them. Spark's own {@code approxSimilarityJoin} treats each function as a table of its own
 * (a pair is a candidate when any one MinHash agrees), which on texts that share boilerplate makes almost every pair a
 * candidate. Here the functions are grouped into bands: a pair is a candidate when every MinHash of one band agrees, so
 * with Jaccard similarity {@code s} the chance of being found is {@code 1 - (1 - s^r)^b} ({@code r} hashes per band,
 * {@code b} bands; with the defaults 8 × 16: 0.9999 at s = 0.9, 0.95 at 0.8, 0.06 at 0.5). Texts that share a band
 * are found by sorting (band key, id) rows, not by aggregating lists. Every candidate is then checked exactly on its
 * shingle sets. A band bucket of more than {@value #FULL_BUCKET} texts compares each text with the bucket's
 * {@value #FULL_BUCKET} smallest ids only, so the work stays linear. Texts without a word have no shingles and are
 * never near duplicates.
 */
final class NearDuplicates {
    private static final String A = "a";
    private static final String B = "b";
    private static final String JACCARD = "jaccard";
    static final int FULL_BUCKET = 100;

    private static final String KEY = "_band_key";
    private static final StructType BAND_KEYS = new StructType()
            .add(KEY, DataTypes.LongType, false)
            .add(InputRows.ID, DataTypes.StringType, false);
    private static final StructType PAIRS = new StructType()
            .add(A, DataTypes.StringType, false)
            .add(B, DataTypes.StringType, false);
    private static final StructType SHINGLE_SETS = new StructType()
            .add(InputRows.ID, DataTypes.StringType, false)
            .add("shingles", DataTypes.createArrayType(DataTypes.IntegerType, false), false);
    private static final StructType SIMILAR = new StructType()
            .add(A, DataTypes.StringType, false)
            .add(B, DataTypes.StringType, false)
            .add(JACCARD, DataTypes.DoubleType, false);

    private NearDuplicates() {}

    /** Two texts found similar: ids with {@code a < b}, and the Jaccard similarity of their shingle sets. */
    record Similar(String a, String b, double jaccard) {}

    /**
     * The similar pairs among {@code rows} (columns {@code id} and {@code text} at least), found with MinHash functions
     * drawn from {@code seed}, sorted by ids.
     */
    static List<Similar> pairs(Dataset<Row> rows, DedupSpec spec, long seed) {
        SparkSession spark = rows.sparkSession();
        Shingles shingles = new Shingles(spec.shingleWords());
        MinHasher minHash = MinHasher.draw(spark, spec.tables() * spec.hashesPerTable(), seed);
        Dataset<Row> candidates = rows.select(InputRows.ID, InputRows.TEXT)
                .flatMap(new BandKeys(shingles, minHash, spec.tables(), spec.hashesPerTable()),
                        Encoders.row(BAND_KEYS))
                .repartition(col(KEY))
                .sortWithinPartitions(KEY, InputRows.ID)
                .mapPartitions(new BucketPairs(), Encoders.row(PAIRS))
                .distinct()
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> involved = candidates.select(col(A).as(InputRows.ID))
                .union(candidates.select(col(B).as(InputRows.ID))).distinct();
        Dataset<Row> sets = rows.select(InputRows.ID, InputRows.TEXT)
                .join(broadcast(involved), InputRows.ID)
                .map(new ToShingleSet(shingles), Encoders.row(SHINGLE_SETS));
        Dataset<Row> withA = candidates.join(sets.toDF("_a", "_sa"), col(A).equalTo(col("_a")));
        Dataset<Row> withBoth = withA.join(sets.toDF("_b", "_sb"), col(B).equalTo(col("_b")));
        double threshold = spec.nearDuplicateJaccard();
        try {
            List<Similar> similar = new ArrayList<>();
            for (Row row : withBoth.map(new Similarity(), Encoders.row(SIMILAR))
                    .filter(col(JACCARD).geq(threshold - 1e-12)).collectAsList()) {
                similar.add(new Similar(row.getString(0), row.getString(1), row.getDouble(2)));
            }
            similar.sort(Comparator.comparing(Similar::a).thenComparing(Similar::b));
            return similar;
        } finally {
            candidates.unpersist();
        }
    }

    /**
     * One row per band of a text with shingles: a 64-bit key of the band's number and MinHash values. Texts without
     * shingles have no MinHash and are left out.
     */
    private record BandKeys(Shingles shingles, MinHasher minHash, int bands, int perBand)
            implements FlatMapFunction<Row, Row> {
        @Override
        public Iterator<Row> call(Row row) {
            int[] set = shingles.of(row.getString(1));
            if (set.length == 0) {
                return Collections.emptyIterator();
            }
            long[] hashes = minHash.hashes(set);
            String id = row.getString(0);
            List<Row> keys = new ArrayList<>(bands);
            for (int band = 0; band < bands; band++) {
                long key = band;
                for (int k = 0; k < perBand; k++) {
                    key = key * 0x9E3779B97F4A7C15L + hashes[band * perBand + k];
                }
                keys.add(RowFactory.create(mix(key), id));
            }
            return keys.iterator();
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }
    }

    /** The candidate pairs of each run of equal keys in a sorted partition, smaller id first. */
    private static final class BucketPairs implements MapPartitionsFunction<Row, Row> {
        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            List<Row> pairs = new ArrayList<>();
            List<String> bucket = new ArrayList<>();
            long key = 0;
            while (rows.hasNext()) {
                Row row = rows.next();
                if (!bucket.isEmpty() && row.getLong(0) != key) {
                    emit(bucket, pairs);
                    bucket.clear();
                }
                key = row.getLong(0);
                bucket.add(row.getString(1));
            }
            emit(bucket, pairs);
            return pairs.iterator();
        }

        private static void emit(List<String> ids, List<Row> pairs) {
            for (int j = 1; j < ids.size(); j++) {
                for (int i = 0; i < Math.min(j, FULL_BUCKET); i++) {
                    if (!ids.get(i).equals(ids.get(j))) {
                        pairs.add(RowFactory.create(ids.get(i), ids.get(j)));
                    }
                }
            }
        }
    }

    private record ToShingleSet(Shingles shingles) implements MapFunction<Row, Row> {
        @Override
        public Row call(Row row) {
            int[] set = shingles.of(row.getString(1));
            return RowFactory.create(row.getString(0), scala.collection.immutable.ArraySeq.unsafeWrapArray(set));
        }
    }

    /** Exact Jaccard similarity of a candidate pair. */
    private static final class Similarity implements MapFunction<Row, Row> {
        @Override
        public Row call(Row row) {
            int[] a = ints(row.getList(row.fieldIndex("_sa")));
            int[] b = ints(row.getList(row.fieldIndex("_sb")));
            return RowFactory.create(row.getString(row.fieldIndex(A)), row.getString(row.fieldIndex(B)),
                    Shingles.jaccard(a, b));
        }

        private static int[] ints(List<Integer> values) {
            int[] out = new int[values.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = values.get(i);
            }
            return out;
        }
    }
}
