package dev.enclave.prep;

import dev.enclave.spec.DataSpec;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads the spec's input file, in its format, into {@link InputRows#SCHEMA} rows (duplicate ids not yet marked). */
final class Ingest {
    private Ingest() {}

    static Dataset<Row> read(SparkSession spark, Path file, String sourceName, DataSpec data, boolean labelled) {
        return switch (data.format()) {
            case CSV -> CsvIngest.read(spark, file, sourceName, data, labelled);
            case JSONL -> JsonlIngest.read(spark, file, sourceName, data, labelled);
        };
    }
}
