package dev.enclave.model.llama;

import dev.enclave.model.bert.HfParameter;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.List;

/**
 * The token embedding table [vocab, hidden] ({@code model.embed_tokens.weight}); {@link #logits} reuses it as the
 * output head when embeddings are tied.
 */
final class TokenEmbedding extends LoadedBlock {

    static final String MODULE = "model.embed_tokens";

    private final int rows;
    private final int width;
    private final Parameter weight;

    TokenEmbedding(int rows, int width) {
        this.rows = rows;
        this.width = width;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.head();
        NDArray table = parameterStore.getValue(weight, ids.getDevice(), training);
        return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE);
    }

    /**
     * Projects hidden states onto the vocabulary with the embedding table (tied output head).
     *
     * @param parameterStore the parameter store
     * @param hidden hidden states [..., width]
     * @param training whether gradients flow into the table
     * @return logits [..., rows]
     */
    NDArray logits(ParameterStore parameterStore, NDArray hidden, boolean training) {
        NDArray table = parameterStore.getValue(weight, hidden.getDevice(), training);
        return hidden.getNDArrayInternal().linear(hidden, table, null).head();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(width)};
    }

    void collectParameters(List<HfParameter> out) {
        out.add(new HfParameter(MODULE + ".weight", weight, new Shape(rows, width)));
    }
}
