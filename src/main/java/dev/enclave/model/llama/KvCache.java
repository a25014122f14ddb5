package dev.enclave.model.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The keys and values of the tokens a {@link LlamaCausalLm} has already seen, per layer ([B, kvHeads, S, headDim],
 * keys already rotated), with their attention mask [B, S]. Passing the same cache to successive
 * {@link LlamaCausalLm#forward(ai.djl.training.ParameterStore, NDArray, NDArray, KvCache, boolean)} calls decodes
 * incrementally. Owns its arrays in its own NDManager: close it when the sequence is done.
 */
public final class KvCache implements AutoCloseable {

    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private NDArray mask;

    KvCache(NDManager parent, int layers) {
        manager = parent.newSubManager();
        keys = new NDArray[layers];
        values = new NDArray[layers];
    }

    /**
     * Returns the number of positions cached so far, padding included.
     *
     * @return S, 0 before the first forward pass
     */
    public long length() {
        return mask == null ? 0 : mask.getShape().get(1);
    }

    /**
     * Returns the batch size the cache was filled with.
     *
     * @return B, or -1 before the first forward pass
     */
    public long batchSize() {
        return mask == null ? -1 : mask.getShape().get(0);
    }

    NDArray mask() {
        return mask;
    }

    NDArray key(int layer) {
        return keys[layer];
    }

    NDArray value(int layer) {
        return values[layer];
    }

    void store(int layer, NDArray key, NDArray value) {
        keys[layer] = replace(keys[layer], key);
        values[layer] = replace(values[layer], value);
    }

    void storeMask(NDArray fullMask) {
        mask = replace(mask, fullMask);
    }

    private NDArray replace(NDArray old, NDArray next) {
        next.attach(manager);
        if (old != null && old != next) {
            old.close();
        }
        return next;
    }

    /** Releases every cached array. */
    @Override
    public void close() {
        manager.close();
    }
}
