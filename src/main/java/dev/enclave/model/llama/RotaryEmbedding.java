package dev.enclave.model.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

/**
 * Rotary position embeddings in the Hugging Face (half-split) layout: element i of a head is rotated with element
 * i + headDim/2 by the angle {@code position * inverseFrequency[i]}, with frequencies {@code theta^(-2i/headDim)}
 * optionally rescaled Llama-3 style.
 */
final class RotaryEmbedding {

    private final float[] inverseFrequencies;

    RotaryEmbedding(LlamaConfig config) {
        int half = config.headDim() / 2;
        inverseFrequencies = new float[half];
        for (int i = 0; i < half; i++) {
            double frequency = 1.0 / Math.pow(config.ropeTheta(), (2.0 * i) / config.headDim());
            double scaled = config.ropeScaling().map(s -> s.scale(frequency)).orElse(frequency);
            inverseFrequencies[i] = (float) scaled;
        }
    }

    /**
     * Computes the cosines and sines for positions.
     *
     * @param positions int64 [B, T]
     * @return NDList(cos, sin), each float32 [B, 1, T, headDim], on the manager of {@code positions}
     */
    NDList angles(NDArray positions) {
        NDArray frequencies = positions.getManager().create(inverseFrequencies);
        NDArray half = positions.toType(DataType.FLOAT32, false).expandDims(-1).mul(frequencies);
        NDArray full = half.concat(half, 2).expandDims(1);
        return new NDList(full.cos(), full.sin());
    }

    /**
     * Rotates queries or keys.
     *
     * @param x [B, heads, T, headDim]
     * @param cos cosines [B, 1, T, headDim]
     * @param sin sines [B, 1, T, headDim]
     * @return the rotated array, same shape
     */
    static NDArray rotate(NDArray x, NDArray cos, NDArray sin) {
        NDList halves = x.split(2, 3);
        NDArray rotatedHalf = halves.get(1).neg().concat(halves.get(0), 3);
        return x.mul(cos).add(rotatedHalf.mul(sin));
    }
}
