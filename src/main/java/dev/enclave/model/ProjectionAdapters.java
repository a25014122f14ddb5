package dev.enclave.model;

import ai.djl.nn.Block;

import java.util.Optional;

/**
 * Chooses extra blocks whose output is added to a linear projection's output, e.g. LoRA updates
 * {@code B(A(dropout(x))) * scale}. Asked once per projection while a model is built (Llama's
 * {@code LlamaCausalLm}, BERT's {@code BertClassifier} and {@code BertMaskedLm}); the chosen block becomes a child of
 * the projection, takes {@code NDList(x)} with x [..., inFeatures] and returns {@code NDList(delta)} with delta
 * [..., outFeatures]. Its parameters are its own: the models' {@code hfParameters()} list only the base model's.
 */
@FunctionalInterface
public interface ProjectionAdapters {

    /** No adapters: the plain base model. */
    ProjectionAdapters NONE = (module, inFeatures, outFeatures) -> Optional.empty();

    /**
     * Returns the adapter of one projection.
     *
     * @param module the Hugging Face module name, e.g. {@code model.layers.3.self_attn.q_proj} or
     *     {@code encoder.layer.0.attention.self.query} (output heads are never asked)
     * @param inFeatures the projection's input width
     * @param outFeatures the projection's output width
     * @return the block to add, or empty for none
     */
    Optional<Block> adapterFor(String module, int inFeatures, int outFeatures);
}
