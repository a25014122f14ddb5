package dev.enclave.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enclave.EnclaveException;
import dev.enclave.deid.Deidentifier;
import dev.enclave.deid.Redaction;
import dev.enclave.deid.RedactionMode;
import dev.enclave.model.TextEncoder;
import dev.enclave.model.TextEncoderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The residual scan as a Spark step, on prepared rows fed in directly: PHI planted after de-identification is counted
 * per type and split from the decoded (lower-cased, re-spaced) token ids; masks and recorded surrogates are not.
 */
class ResidualScanTest {
    private static final String NOTE = "Seen by Dr. Helen Okafor on 3/14/2024. Patient John Whitaker, MRN 4471923,"
            + " lives at 22 Birch Lane, Dayton. Call (937) 555-0142.";
    private static final String LEAK = " Seen again by Dr. Maria Castellanos on 4/2/2024, MRN 5839201.";
    private static final StructType EXAMPLES = new StructType()
            .add(PreparedRows.ID, DataTypes.StringType, false)
            .add(PreparedRows.SPLIT, DataTypes.StringType, false)
            .add(PreparedRows.INPUT_IDS, DataTypes.createArrayType(DataTypes.IntegerType, false), false);
    private static final StructType SURROGATES = new StructType()
            .add(PreparedRows.ID, DataTypes.StringType, false)
            .add(PreparedRows.SURROGATES, DataTypes.createArrayType(PreparedRows.SURROGATE, false), false);

    @TempDir
    Path dir;

    @Test
    void countsPlantedPhiPerTypeAndSplitAndNotMasksOrSurrogates() throws Exception {
        Redaction masked = Deidentifier.builder().build().redact(NOTE + LEAK.replace("Maria Castellanos", "Maria"));
        String planted = masked.text() + LEAK;
        Redaction surrogate = Deidentifier.builder().mode(RedactionMode.SURROGATE).seed(9).build().redact(NOTE, "p2");
        String upper = masked.text().toUpperCase(java.util.Locale.ROOT) + LEAK.toUpperCase(java.util.Locale.ROOT);
        List<String> texts = List.of(planted, surrogate.text(), masked.text(), upper);
        List<String> words = new ArrayList<>();
        texts.forEach(t -> words.addAll(Arrays.asList(t.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+"))));
        words.addAll(List.of("[", "]", ".", ",", "/", "(", ")", "-", ":"));
        Path model = PrepFixtures.tinyModel(dir.resolve("m"), words);
        TextEncoderFactory encoders = new TextEncoderFactory(model.resolve("tokenizer.json").toString(), 512);

        List<Row> examples = new ArrayList<>();
        String[][] rows = {{"a", "train"}, {"b", "validation"}, {"c", "test"}, {"d", "test"}};
        try (TextEncoder encoder = encoders.open()) {
            for (int i = 0; i < rows.length; i++) {
                int[] ids = Arrays.stream(encoder.encode(texts.get(i)).inputIds()).mapToInt(Math::toIntExact).toArray();
                examples.add(RowFactory.create(rows[i][0], rows[i][1],
                        scala.collection.immutable.ArraySeq.unsafeWrapArray(ids)));
            }
        }
        List<Row> inserted = new ArrayList<>();
        for (int i = 0; i < surrogate.spans().size(); i++) {
            inserted.add(RowFactory.create(surrogate.replacements().get(i), surrogate.spans().get(i).type().name()));
        }
        List<Row> surrogates = List.of(RowFactory.create("a", List.of()), RowFactory.create("b", inserted),
                RowFactory.create("c", List.of()), RowFactory.create("d", List.of()));

        SparkSession spark = PrepFixtures.localSpark();
        try {
            Dataset<Row> exampleRows = spark.createDataFrame(examples, EXAMPLES);
            Dataset<Row> surrogateRows = spark.createDataFrame(surrogates, SURROGATES);
            Deidentifier deid = Deidentifier.builder().build();

            ResidualScan.Result open = ResidualScan.run(exampleRows, surrogateRows, encoders, deid, null);
            Map<String, Long> planted3 = Map.of("NAME", 1L, "DATE", 1L, "MRN", 1L);
            assertEquals(planted3, open.bySplit().get("train"), open.bySplit()::toString);
            assertEquals(Map.of(), open.bySplit().get("validation"), "recorded surrogates are not residuals");
            assertEquals(planted3, open.bySplit().get("test"), "masks are not residuals; upper case is scanned too");
            assertEquals(Map.of("NAME", 2L, "DATE", 2L, "MRN", 2L), open.byType());
            assertEquals(6, open.hits());
            assertTrue(open.passed());
            long tokens = examples.stream().mapToLong(r -> r.<Integer>getList(2).size()).sum();
            assertEquals(tokens, open.tokens());
            assertEquals(1e6 * 6 / tokens, open.perMillionTokens(), 1e-9);
            ResidualScan.enforce(open);

            ResidualScan.Result strict = ResidualScan.run(exampleRows, surrogateRows, encoders, deid, 0.0);
            assertFalse(strict.passed());
            EnclaveException e = assertThrows(EnclaveException.class, () -> ResidualScan.enforce(strict));
            assertEquals(EnclaveException.GATE_FAILED, e.exitCode());
            assertTrue(e.getMessage().startsWith("deid.max_residual_per_million_tokens:"), e.getMessage());
            assertTrue(e.getMessage().contains("NAME=2") && e.getMessage().contains("train={DATE=1, MRN=1, NAME=1}"),
                    e.getMessage());
            assertFalse(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("castellanos"));
        } finally {
            spark.stop();
        }
    }
}
