package dev.enclave.model.tf;

import dev.enclave.model.bert.BertConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A tiny random BERT with its masked-LM head as Google's TensorFlow code names its variables, plus what a real
 * checkpoint also holds: the pooler, {@code global_step} and Adam slots.
 */
public final class TinyTfBert {

    /** WordPiece vocabulary: the five special tokens, then words and a continuation piece. */
    public static final List<String> VOCAB = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "good",
            "day", "##s", "food", "was", "very");
    /** The shape: vocabulary 12, hidden 8, 2 layers, 2 heads, intermediate 16, 10 positions, 2 token types. */
    public static final BertConfig CONFIG = new BertConfig(VOCAB.size(), 8, 2, 2, 16, 10, 2, 1e-12, BertConfig.GELU,
            0.1, 0.1, 0);

    private TinyTfBert() {}

    /**
     * Adds every variable to a checkpoint writer.
     *
     * @param files the writer
     * @param scope prefix of every name, e.g. {@code module/} or empty
     * @param seed seeds the random values
     * @return the float values by TensorFlow name (scope included), with the shapes in {@code shapes}
     */
    public static Map<String, float[]> addTo(TfCheckpointFiles files, String scope, long seed) {
        Random random = new Random(seed);
        Map<String, float[]> values = new LinkedHashMap<>();
        int h = CONFIG.hiddenSize();
        int v = CONFIG.vocabSize();
        String bert = scope + "bert/";
        add(files, values, random, bert + "embeddings/word_embeddings", v, h);
        add(files, values, random, bert + "embeddings/position_embeddings", CONFIG.maxPositionEmbeddings(), h);
        add(files, values, random, bert + "embeddings/token_type_embeddings", CONFIG.typeVocabSize(), h);
        norm(files, values, random, bert + "embeddings/LayerNorm/");
        for (int layer = 0; layer < CONFIG.numHiddenLayers(); layer++) {
            String prefix = bert + "encoder/layer_" + layer + "/";
            for (String projection : List.of("attention/self/query/", "attention/self/key/",
                    "attention/self/value/", "attention/output/dense/")) {
                dense(files, values, random, prefix + projection, h, h);
            }
            norm(files, values, random, prefix + "attention/output/LayerNorm/");
            dense(files, values, random, prefix + "intermediate/dense/", h, CONFIG.intermediateSize());
            dense(files, values, random, prefix + "output/dense/", CONFIG.intermediateSize(), h);
            norm(files, values, random, prefix + "output/LayerNorm/");
        }
        dense(files, values, random, bert + "pooler/dense/", h, h);
        dense(files, values, random, scope + "cls/predictions/transform/dense/", h, h);
        norm(files, values, random, scope + "cls/predictions/transform/LayerNorm/");
        add(files, values, random, scope + "cls/predictions/output_bias", v);
        add(files, values, random, bert + "embeddings/word_embeddings/adam_m", v, h);
        files.int64Scalar(scope + "global_step", 1000);
        return values;
    }

    private static void dense(TfCheckpointFiles files, Map<String, float[]> values, Random random, String prefix,
            int in, int out) {
        add(files, values, random, prefix + "kernel", in, out);
        add(files, values, random, prefix + "bias", out);
    }

    private static void norm(TfCheckpointFiles files, Map<String, float[]> values, Random random, String prefix) {
        add(files, values, random, prefix + "gamma", CONFIG.hiddenSize());
        add(files, values, random, prefix + "beta", CONFIG.hiddenSize());
    }

    private static void add(TfCheckpointFiles files, Map<String, float[]> values, Random random, String name,
            long... shape) {
        long count = 1;
        for (long dim : shape) {
            count *= dim;
        }
        float[] v = new float[(int) count];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * 0.1);
        }
        values.put(name, v);
        files.floats(name, v, shape);
    }
}
