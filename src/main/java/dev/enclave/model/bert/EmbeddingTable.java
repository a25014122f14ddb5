package dev.enclave.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

import java.util.List;

/** A lookup table [rows, width] indexed by int64 ids, with the Hugging Face parameter name {@code weight}. */
final class EmbeddingTable extends AbstractBlock implements HfNamed {

    private final int rows;
    private final int width;
    private final Parameter weight;

    EmbeddingTable(int rows, int width) {
        this.rows = rows;
        this.width = width;
        weight = addParameter(Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(0.02f))
                .build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.head();
        NDArray table = parameterStore.getValue(weight, ids.getDevice(), training);
        return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE);
    }

    Parameter weight() {
        return weight;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(width)};
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        weight.setShape(new Shape(rows, width));
    }

    @Override
    public void collectParameters(String prefix, List<HfParameter> out) {
        out.add(new HfParameter(prefix + "weight", weight, new Shape(rows, width)));
    }
}
