package dev.enclave.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** Small inputs and specs for pipeline tests, cut from the committed sample data. */
public final class TestSlices {
    private TestSlices() {}

    /** The first {@code rows} records of the clinical notes sample, header included. */
    public static Path clinicalNotes(Path dir, int rows) throws IOException {
        Path out = dir.resolve("notes.csv");
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
        try (Reader in = Files.newBufferedReader(Path.of("sample-data/clinical-notes.csv"), StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, format);
                Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, format)) {
            int written = 0;
            for (CSVRecord record : parser) {
                if (written++ > rows) {
                    break;
                }
                printer.printRecord(record.toList());
            }
        }
        return out;
    }

    /** A spec over {@code csv} with the real MiniLM imported into {@code dir/models}, tiny training. */
    public static Path spec(Path dir, Path csv, String extraTraining) throws IOException {
        String yaml = """
                version: 1
                name: e2e
                seed: 7
                residency:
                  allowed_roots: [%1$s]
                data:
                  path: %2$s
                  columns: {id: note_id, group: patient_id, text: text, label: specialty}
                  labels: [cardiology, oncology, neurology, orthopedics, gastroenterology, pulmonology, endocrinology]
                  max_quarantined_fraction: 0.2
                model:
                  path: %1$s/models/all-minilm-l6-v2
                  import_if_missing: all-minilm-l6-v2
                task:
                  max_tokens: 48
                training:
                  batch_size: 8
                  max_steps: 3
                  log_every: 1
                %3$s
                evaluation:
                  bootstrap_samples: 50
                output:
                  runs_dir: %1$s/runs
                """.formatted(dir.toAbsolutePath(), csv.toAbsolutePath(), extraTraining);
        return Files.writeString(dir.resolve("spec.yaml"), yaml);
    }
}
