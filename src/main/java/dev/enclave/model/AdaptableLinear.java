package dev.enclave.model;

import ai.djl.nn.Parameter;

/**
 * A linear projection {@code y = x Wᵀ + b} (W stored [out, in]) that can carry a {@link LinearAdapter}. Model
 * families implement it on their projection blocks, so adapters find a projection by the identity of its weight
 * {@link Parameter} (named by the family's Hugging Face parameter list) without knowing the family.
 */
public interface AdaptableLinear {

    /**
     * Returns the projection's weight.
     *
     * @return the weight parameter, [out, in]
     */
    Parameter weight();

    /**
     * Adds {@code adapter}'s output to this projection's output in every later forward pass; {@code null} removes the
     * adapter again.
     *
     * @param adapter the adapter, or null
     */
    void setAdapter(LinearAdapter adapter);
}
