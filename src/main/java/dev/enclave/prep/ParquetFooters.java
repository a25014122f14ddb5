package dev.enclave.prep;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Puts a Parquet file's footer into canonical order. parquet-mr collects each column chunk's encodings in a
 * {@code HashSet} of enum constants, whose iteration order follows identity hash codes and so changes from one JVM to
 * the next: the same rows give different bytes. Sorting those lists changes no offset (the footer keeps its length)
 * and makes equal data give equal files, so manifest hashes are reproducible.
 */
final class ParquetFooters {
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    private ParquetFooters() {}

    static void canonicalise(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(tail, size - 8);
            int footerLength = tail.getInt(0);
            for (int i = 0; i < 4; i++) {
                if (tail.get(4 + i) != MAGIC[i]) {
                    throw new IOException(file + ": not a Parquet file (no PAR1 trailer)");
                }
            }
            long footerStart = size - 8 - footerLength;
            ByteBuffer footer = ByteBuffer.allocate(footerLength);
            channel.read(footer, footerStart);
            FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(footer.array()));
            sort(metadata);
            ByteArrayOutputStream rewritten = new ByteArrayOutputStream(footerLength);
            Util.writeFileMetaData(metadata, rewritten);
            if (rewritten.size() != footerLength) {
                throw new IOException(file + ": canonical footer changed length (" + footerLength + " to "
                        + rewritten.size() + ")");
            }
            channel.write(ByteBuffer.wrap(rewritten.toByteArray()), footerStart);
        }
    }

    private static void sort(FileMetaData metadata) {
        for (RowGroup group : metadata.getRow_groups()) {
            for (ColumnChunk chunk : group.getColumns()) {
                ColumnMetaData column = chunk.getMeta_data();
                if (column == null) {
                    continue;
                }
                column.getEncodings().sort(Comparator.comparingInt(e -> e.getValue()));
                if (column.getEncoding_stats() != null) {
                    column.getEncoding_stats().sort(Comparator
                            .comparingInt((PageEncodingStats s) -> s.getPage_type().getValue())
                            .thenComparingInt(s -> s.getEncoding().getValue()));
                }
            }
        }
    }
}
