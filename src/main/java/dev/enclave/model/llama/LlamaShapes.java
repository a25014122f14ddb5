package dev.enclave.model.llama;

import java.util.List;
import java.util.Optional;

/**
 * Preset Llama shapes for benchmarks and tests; pair them with {@link LlamaCausalLm#random} for a random-weight model
 * without files. All use token 0 for padding and token 2 as end of sequence.
 */
public final class LlamaShapes {

    private LlamaShapes() {}

    /**
     * A small model for the CPU benchmark: hidden 512, 8 layers, 8 heads of 64 with 4 key/value heads,
     * intermediate 1536, vocabulary 32000, untied head (about 58M parameters).
     *
     * @return the configuration
     */
    public static LlamaConfig cpuBench() {
        return LlamaConfig.builder(LlamaConfig.LLAMA)
                .setVocabSize(32000)
                .setHiddenSize(512)
                .setIntermediateSize(1536)
                .setNumHiddenLayers(8)
                .setNumAttentionHeads(8)
                .optNumKeyValueHeads(4)
                .optMaxPositionEmbeddings(2048)
                .optRmsNormEps(1e-5)
                .optRopeTheta(10000)
                .optEosTokenIds(List.of(2))
                .build();
    }

    /**
     * A 1B-parameter Llama-3.2 style shape: hidden 2048, 16 layers, 32 heads of 64 with 8 key/value heads,
     * intermediate 8192, vocabulary 32000, tied embeddings, rope theta 500000 with Llama-3 scaling (about 1.04B
     * parameters).
     *
     * @return the configuration
     */
    public static LlamaConfig oneBillion() {
        return LlamaConfig.builder(LlamaConfig.LLAMA)
                .setVocabSize(32000)
                .setHiddenSize(2048)
                .setIntermediateSize(8192)
                .setNumHiddenLayers(16)
                .setNumAttentionHeads(32)
                .optNumKeyValueHeads(8)
                .optMaxPositionEmbeddings(131072)
                .optRmsNormEps(1e-5)
                .optRopeTheta(500000)
                .optRopeScaling(Optional.of(new RopeScaling(32, 1, 4, 8192)))
                .optTieWordEmbeddings(true)
                .optEosTokenIds(List.of(2))
                .build();
    }

    /**
     * A tiny model for fast tests: hidden 32, 2 layers, 4 heads of 8 with 2 key/value heads, intermediate 64,
     * vocabulary 64.
     *
     * @return the configuration
     */
    public static LlamaConfig tiny() {
        return LlamaConfig.builder(LlamaConfig.LLAMA)
                .setVocabSize(64)
                .setHiddenSize(32)
                .setIntermediateSize(64)
                .setNumHiddenLayers(2)
                .setNumAttentionHeads(4)
                .optNumKeyValueHeads(2)
                .optMaxPositionEmbeddings(256)
                .optRmsNormEps(1e-5)
                .optEosTokenIds(List.of(2))
                .build();
    }
}
