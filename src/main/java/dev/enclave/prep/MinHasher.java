package dev.enclave.prep;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * The MinHash functions of a Spark ML {@link MinHashLSHModel}, evaluated on primitive arrays. Spark draws the
 * functions {@code h(x) = ((1 + x) a + b) mod p} from the seed; its own {@code transform} evaluates them on boxed Scala
 * collections, which cost about 36 s per 200,000 notes here, against under 2 s for this loop. The values are the same
 * (a test compares them with {@code transform}).
 */
final class MinHasher implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The prime of Spark's MinHash functions ({@code MinHashLSH.HASH_PRIME}). */
    static final long PRIME = 2038074743L;

    private final long[] a;
    private final long[] b;

    private MinHasher(long[] a, long[] b) {
        this.a = a;
        this.b = b;
    }

    /** {@code functions} MinHash functions drawn by Spark ML's {@link MinHashLSH} from {@code seed}. */
    static MinHasher draw(SparkSession spark, int functions, long seed) {
        return of(model(spark, functions, seed));
    }

    /** The functions of a fitted model. */
    static MinHasher of(MinHashLSHModel model) {
        Tuple2<Object, Object>[] coefficients = model.randCoefficients();
        long[] a = new long[coefficients.length];
        long[] b = new long[coefficients.length];
        for (int i = 0; i < coefficients.length; i++) {
            a[i] = (Integer) coefficients[i]._1();
            b[i] = (Integer) coefficients[i]._2();
        }
        return new MinHasher(a, b);
    }

    /**
     * A model with the functions; they depend only on the seed and their number, so it is fitted on a one-row probe
     * rather than on the data.
     */
    static MinHashLSHModel model(SparkSession spark, int functions, long seed) {
        StructType schema = new StructType().add("features", SQLDataTypes.VectorType(), false);
        Dataset<Row> probe = spark.createDataFrame(
                List.of(RowFactory.create(Vectors.sparse(Shingles.DIMENSION, new int[] {0}, new double[] {1}))),
                schema);
        return new MinHashLSH().setNumHashTables(functions).setSeed(seed)
                .setInputCol("features").setOutputCol("hashes").fit(probe);
    }

    int functions() {
        return a.length;
    }

    /** Each function's minimum over a non-empty set of feature indices. */
    long[] hashes(int[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("MinHash needs at least one index");
        }
        long[] minima = new long[a.length];
        for (int k = 0; k < a.length; k++) {
            long ak = a[k];
            long bk = b[k];
            long min = Long.MAX_VALUE;
            for (int index : indices) {
                long h = ((1L + index) * ak + bk) % PRIME;
                if (h < min) {
                    min = h;
                }
            }
            minima[k] = min;
        }
        return minima;
    }
}
