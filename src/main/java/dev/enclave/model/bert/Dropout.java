package dev.enclave.model.bert;

import ai.djl.ndarray.NDArray;

/** Dropout that is applied only in training and only with a positive rate. */
final class Dropout {

    private Dropout() {}

    static NDArray apply(NDArray x, float rate, boolean training) {
        if (!training || rate <= 0f) {
            return x;
        }
        return x.getNDArrayInternal().dropout(x, rate, true).singletonOrThrow();
    }
}
