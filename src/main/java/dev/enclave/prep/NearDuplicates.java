package dev.enclave.prep;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.size;

import dev.enclave.spec.DedupSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
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
 * <p>Spark ML's {@link MinHashLSH} draws {@code tables × hashesPerTable} MinHash functions from the seed. Its own
 * {@code approxSimilarityJoin} treats each function as a table of its own (a pair is a candidate when any one MinHash
 * agrees), which on texts that share boilerplate makes almost every pair a candidate. Here the functions are grouped
 * into bands: a pair is a candidate when every MinHash of one band agrees, so with Jaccard similarity {@code s} the
 * chance of being found is {@code 1 - (1 - s^r)^b} ({@code r} hashes per band, {@code b} bands; 0.9995 at s = 0.9 with
 * the defaults 5 × 10, 0.03 at s = 0.5). Every candidate is then checked exactly on its shingle sets. A band bucket of
 * more than {@value #FULL_BUCKET} texts compares each text with the bucket's {@value #FULL_BUCKET} smallest ids only,
 * so the work stays linear. Texts without a word have no shingles and are never near duplicates.
 */
final class NearDuplicates {
    private static final String A = "a";
    private static final String B = "b";
    private static final String JACCARD = "jaccard";
    static final int FULL_BUCKET = 100;

    private static final StructType FEATURES = new StructType()
            .add(InputRows.ID, DataTypes.StringType, false)
            .add("features", SQLDataTypes.VectorType(), false);
    private static final StructType BAND_KEYS = new StructType()
            .add("band", DataTypes.IntegerType, false)
            .add("key", DataTypes.LongType, false)
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
        Dataset<Row> features = rows.select(InputRows.ID, InputRows.TEXT)
                .flatMap(new ToFeatures(shingles), Encoders.row(FEATURES));
        MinHashLSHModel model = minHash(spark, spec.tables() * spec.hashesPerTable(), seed);
        Dataset<Row> keys = model.transform(features)
                .flatMap(new BandKeys(spec.tables(), spec.hashesPerTable()), Encoders.row(BAND_KEYS));
        Dataset<Row> candidates = keys.groupBy("band", "key").agg(collect_list(InputRows.ID).as("ids"))
                .filter(size(col("ids")).gt(1))
                .select("ids")
                .flatMap(new BucketPairs(), Encoders.row(PAIRS))
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
            similar.sort(java.util.Comparator.comparing(Similar::a).thenComparing(Similar::b));
            return similar;
        } finally {
            candidates.unpersist();
        }
    }

    /** A model holding the MinHash functions; they depend only on the seed and their number, not on the data. */
    private static MinHashLSHModel minHash(SparkSession spark, int functions, long seed) {
        Dataset<Row> probe = spark.createDataFrame(
                List.of(RowFactory.create("", Vectors.sparse(Shingles.DIMENSION, new int[] {0}, new double[] {1}))),
                FEATURES);
        return new MinHashLSH().setNumHashTables(functions).setSeed(seed)
                .setInputCol("features").setOutputCol("hashes").fit(probe);
    }

    /** Text to a binary sparse vector of its shingles; texts without shingles are left out. */
    private record ToFeatures(Shingles shingles) implements FlatMapFunction<Row, Row> {
        @Override
        public Iterator<Row> call(Row row) {
            int[] indices = shingles.of(row.getString(1));
            if (indices.length == 0) {
                return Collections.emptyIterator();
            }
            double[] ones = new double[indices.length];
            java.util.Arrays.fill(ones, 1.0);
            return List.of(RowFactory.create(row.getString(0), Vectors.sparse(Shingles.DIMENSION, indices, ones)))
                    .iterator();
        }
    }

    /** One row per band: the band's number and a 64-bit key of its MinHash values. */
    private record BandKeys(int bands, int perBand) implements FlatMapFunction<Row, Row> {
        @Override
        public Iterator<Row> call(Row row) {
            String id = row.getString(0);
            List<Vector> hashes = row.getList(2);
            List<Row> keys = new ArrayList<>(bands);
            for (int band = 0; band < bands; band++) {
                long key = band;
                for (int k = 0; k < perBand; k++) {
                    key = key * 0x9E3779B97F4A7C15L + (long) hashes.get(band * perBand + k).apply(0);
                }
                keys.add(RowFactory.create(band, mix(key), id));
            }
            return keys.iterator();
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }
    }

    /** The candidate pairs of one bucket, smaller id first. */
    private static final class BucketPairs implements FlatMapFunction<Row, Row> {
        @Override
        public Iterator<Row> call(Row row) {
            List<String> ids = new ArrayList<>(row.getList(0));
            Collections.sort(ids);
            List<Row> pairs = new ArrayList<>();
            for (int j = 1; j < ids.size(); j++) {
                for (int i = 0; i < Math.min(j, FULL_BUCKET); i++) {
                    pairs.add(RowFactory.create(ids.get(i), ids.get(j)));
                }
            }
            return pairs.iterator();
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
