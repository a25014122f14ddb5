package dev.enclave.model.tf;

import dev.enclave.model.bert.BertConfig;
import dev.enclave.model.bert.HfParameter;
import dev.enclave.model.safetensors.WritableTensor;

import ai.djl.ndarray.types.Shape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the variables of a Google BERT TensorFlow checkpoint onto Hugging Face {@code BertForMaskedLM} names.
 *
 * <p>Names may carry a scope before {@code bert/} and {@code cls/} (TF Hub modules use {@code module/}). The mapping
 * is one to one: {@code /} becomes {@code .}, {@code layer_N} becomes {@code layer.N}, LayerNorm {@code gamma} and
 * {@code beta} become {@code weight} and {@code bias}, an embedding table {@code X_embeddings} becomes
 * {@code X_embeddings.weight}, {@code cls/predictions/output_bias} becomes {@code cls.predictions.bias}, and a dense
 * {@code kernel} (stored [in, out]) becomes {@code weight}, transposed to [out, in]. Variables the model has no
 * parameter for (the pooler, the next-sentence head, {@code global_step}, optimizer slots) are skipped and reported.
 */
public final class TfBertWeights {

    private static final Pattern LAYER = Pattern.compile("/layer_(\\d+)/");
    private static final String WORD_EMBEDDINGS = "bert/embeddings/word_embeddings";
    private static final List<String> OPTIMIZER_SLOT_SUFFIXES = List.of("/adam_m", "/adam_v", "/Adam", "/Adam_1",
            "/Momentum", "/Adagrad");

    private TfBertWeights() {}

    /**
     * The outcome of {@link #convert}.
     *
     * @param tensors one lazily read tensor per expected parameter, by Hugging Face name; reading throws an
     *     {@link UncheckedIOException} wrapping the {@link TfFormatException} of a failed checksum
     * @param skipped checkpoint variables left out, with the reason, by TensorFlow name
     */
    public record Conversion(SortedMap<String, WritableTensor> tensors, SortedMap<String, String> skipped) {

        /** Copies the maps. */
        public Conversion {
            tensors = Collections.unmodifiableSortedMap(new TreeMap<>(tensors));
            skipped = Collections.unmodifiableSortedMap(new TreeMap<>(skipped));
        }
    }

    /**
     * Maps the checkpoint's variables onto the expected parameters; no tensor values are read.
     *
     * @param checkpoint the checkpoint
     * @param expected the parameters to find, with their required shapes
     * @return the tensors to write and the variables skipped
     * @throws TfFormatException naming the checkpoint and variables if any expected parameter is missing or a
     *     variable has the wrong shape or type
     */
    public static Conversion convert(TfCheckpoint checkpoint, List<HfParameter> expected) throws TfFormatException {
        String scope = scope(checkpoint);
        Map<String, Shape> required = new HashMap<>();
        expected.forEach(parameter -> required.put(parameter.name(), parameter.shape()));
        SortedMap<String, WritableTensor> tensors = new TreeMap<>();
        SortedMap<String, String> skipped = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (TfTensorEntry entry : checkpoint.tensors().values()) {
            String name = entry.name();
            if (!name.startsWith(scope) || isOptimizerSlot(name) || name.endsWith("global_step")) {
                skipped.put(name, "training state");
                continue;
            }
            String tfName = name.substring(scope.length());
            String hfName = hfName(tfName);
            if (!required.containsKey(hfName)) {
                skipped.put(name, "no " + hfName + " in BertForMaskedLM");
                continue;
            }
            boolean transposed = tfName.endsWith("/kernel");
            Shape shape = required.get(hfName);
            Shape stored = transposed ? new Shape(shape.get(1), shape.get(0)) : shape;
            if (entry.dtype() != TfTensorEntry.DT_FLOAT) {
                problems.add("'" + name + "' is " + entry.dtypeName() + ", not DT_FLOAT");
            } else if (!entry.shape().equals(stored)) {
                problems.add("'" + name + "' has shape " + entry.shape() + ", expected " + stored + " for '"
                        + hfName + "'");
            } else {
                tensors.put(hfName, transposed ? WritableTensor.transposed(stored, () -> read(checkpoint, name))
                        : new WritableTensor(shape, () -> read(checkpoint, name)));
            }
        }
        List<String> missing = expected.stream().map(HfParameter::name).filter(n -> !tensors.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            problems.add("no variable found for " + missing);
        }
        if (!problems.isEmpty()) {
            throw new TfFormatException(checkpoint.indexFile() + ": " + String.join("; ", problems));
        }
        return new Conversion(tensors, skipped);
    }

    /**
     * Derives a BERT configuration from the checkpoint's variable shapes; what shapes cannot tell (the head count,
     * LayerNorm epsilon, activation, dropout) is given or takes Google BERT's values (1e-12, GELU, 0.1, pad id 0).
     *
     * @param checkpoint the checkpoint
     * @param numAttentionHeads the attention heads per layer
     * @return the configuration
     * @throws TfFormatException naming the checkpoint if a variable needed to tell a size is missing
     */
    public static BertConfig inferConfig(TfCheckpoint checkpoint, int numAttentionHeads) throws TfFormatException {
        String scope = scope(checkpoint);
        Shape words = shapeOf(checkpoint, scope + WORD_EMBEDDINGS);
        Shape positions = shapeOf(checkpoint, scope + "bert/embeddings/position_embeddings");
        Shape types = shapeOf(checkpoint, scope + "bert/embeddings/token_type_embeddings");
        Shape intermediate = shapeOf(checkpoint, scope + "bert/encoder/layer_0/intermediate/dense/kernel");
        int layers = 0;
        while (checkpoint.tensors().containsKey(scope + "bert/encoder/layer_" + layers
                + "/attention/self/query/kernel")) {
            layers++;
        }
        try {
            return new BertConfig(Math.toIntExact(words.get(0)), Math.toIntExact(words.get(1)), layers,
                    numAttentionHeads, Math.toIntExact(intermediate.get(1)), Math.toIntExact(positions.get(0)),
                    Math.toIntExact(types.get(0)), 1e-12, BertConfig.GELU, 0.1, 0.1, 0);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new TfFormatException(checkpoint.indexFile() + ": variable shapes give no valid BERT configuration: "
                    + e.getMessage(), e);
        }
    }

    private static String scope(TfCheckpoint checkpoint) throws TfFormatException {
        List<String> scopes = checkpoint.tensors().keySet().stream()
                .filter(name -> name.endsWith(WORD_EMBEDDINGS))
                .map(name -> name.substring(0, name.length() - WORD_EMBEDDINGS.length()))
                .filter(prefix -> prefix.isEmpty() || prefix.endsWith("/"))
                .toList();
        if (scopes.size() != 1) {
            throw new TfFormatException(checkpoint.indexFile() + ": expected one '" + WORD_EMBEDDINGS
                    + "' variable (under any scope), found " + scopes.size() + "; not a BERT checkpoint");
        }
        return scopes.get(0);
    }

    private static Shape shapeOf(TfCheckpoint checkpoint, String name) throws TfFormatException {
        TfTensorEntry entry = checkpoint.tensors().get(name);
        if (entry == null) {
            throw new TfFormatException(checkpoint.indexFile() + ": no variable '" + name + "'");
        }
        return entry.shape();
    }

    private static boolean isOptimizerSlot(String name) {
        return OPTIMIZER_SLOT_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /**
     * Returns the Hugging Face name of a Google BERT variable name without its scope.
     *
     * @param tfName e.g. {@code bert/encoder/layer_3/attention/self/query/kernel}
     * @return e.g. {@code bert.encoder.layer.3.attention.self.query.weight}
     */
    static String hfName(String tfName) {
        if (tfName.equals("cls/predictions/output_bias")) {
            return "cls.predictions.bias";
        }
        Matcher layer = LAYER.matcher(tfName);
        String name = layer.replaceAll("/layer/$1/");
        int slash = name.lastIndexOf('/');
        String leaf = name.substring(slash + 1);
        String parent = slash < 0 ? "" : name.substring(0, slash + 1);
        String hfLeaf = switch (leaf) {
            case "kernel", "gamma" -> "weight";
            case "beta" -> "bias";
            default -> leaf.endsWith("_embeddings") ? leaf + "/weight" : leaf;
        };
        return (parent + hfLeaf).replace('/', '.');
    }

    private static float[] read(TfCheckpoint checkpoint, String name) {
        try {
            return checkpoint.readFloats(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
