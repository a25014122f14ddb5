package dev.enclave.prep;

import dev.enclave.run.FileRecord;
import dev.enclave.run.RunContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes a Dataset as one file with a fixed name and a fixed row order, so equal data gives equal bytes: Spark's own
 * output names carry a random UUID and its row order follows partitioning. The write goes to a scratch folder inside
 * the run, the single part file is moved into place, and the write is audited.
 */
final class SplitWriter {
    /** Output formats. */
    enum Format { PARQUET, JSON }

    private SplitWriter() {}

    static FileRecord write(RunContext run, String stage, Dataset<Row> rows, List<Column> order, Path target,
            Format format, long rowCount) {
        Path scratch = run.files().createDirectories(run.folder().tmp().resolve("write-" + target.getFileName()));
        var writer = rows.orderBy(order.toArray(Column[]::new)).coalesce(1).write().mode(SaveMode.Overwrite);
        String extension = format == Format.PARQUET ? ".parquet" : ".json";
        if (format == Format.PARQUET) {
            writer.parquet(scratch.toString());
        } else {
            writer.json(scratch.toString());
        }
        try (Stream<Path> files = Files.list(scratch)) {
            List<Path> parts = files.filter(f -> f.getFileName().toString().startsWith("part-")
                    && f.getFileName().toString().endsWith(extension)).toList();
            if (parts.isEmpty() && rowCount == 0 && format == Format.JSON) {
                Files.createFile(scratch.resolve("part-empty" + extension));
                parts = List.of(scratch.resolve("part-empty" + extension));
            }
            if (parts.size() != 1) {
                throw new IllegalStateException("expected one part file in " + scratch + ", found " + parts.size());
            }
            Files.createDirectories(run.files().check(target.getParent(), "write"));
            if (format == Format.PARQUET) {
                ParquetFooters.canonicalise(parts.get(0));
            }
            Files.move(parts.get(0), run.files().check(target, "write"), StandardCopyOption.REPLACE_EXISTING);
            deleteTree(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move Spark output into " + target, e);
        }
        return run.files().recordWrite(stage, target, rowCount);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
