package dev.enclave.sample;

import dev.enclave.deid.PhiType;

/** A gold PHI span: Unicode code point offsets into a text, end exclusive. */
record Span(int start, int end, PhiType type) {
    Span {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ") of type " + type);
        }
    }
}
