package dev.enclave.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enclave.deid.PhiType;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A generated corpus read back the way a consumer would: the CSV with Commons CSV, the gold file with Jackson. */
record LoadedCorpus(List<String> header, List<Doc> docs) {
    /** One row with its gold spans. */
    record Doc(String id, Map<String, String> fields, String text, List<Span> spans) {
        /** The span's text, sliced by code points. */
        String slice(Span span) {
            int[] codePoints = text.codePoints().toArray();
            return new String(codePoints, span.start(), span.end() - span.start());
        }
    }

    static LoadedCorpus read(Path csv, Path gold) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<String> header;
        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser parser = format.parse(reader)) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        }
        List<String> goldLines = Files.readAllLines(gold, StandardCharsets.UTF_8);
        assertEquals(records.size(), goldLines.size(), csv + " and " + gold + " have different numbers of documents");
        ObjectMapper json = new ObjectMapper();
        List<Doc> docs = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            CSVRecord record = records.get(i);
            assertTrue(record.isConsistent(), csv + " record " + record.getRecordNumber() + " has " + record.size() + " fields");
            JsonNode line = json.readTree(goldLines.get(i));
            String id = record.get(0);
            assertEquals(id, line.get("id").asText(), gold + " line " + (i + 1) + " is not for the same document as the CSV row");
            List<Span> spans = new ArrayList<>();
            for (JsonNode span : line.get("spans")) {
                spans.add(new Span(span.get("start").asInt(), span.get("end").asInt(), PhiType.valueOf(span.get("type").asText())));
            }
            docs.add(new Doc(id, record.toMap(), record.get(header.size() - 1), spans));
        }
        return new LoadedCorpus(header, docs);
    }
}
