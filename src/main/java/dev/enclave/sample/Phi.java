package dev.enclave.sample;

import dev.enclave.deid.PhiType;

/** One piece of fake protected health information as it appears in text, and its kind. */
record Phi(String text, PhiType type) {
    Phi {
        if (text.isBlank() || !text.strip().equals(text)) {
            throw new IllegalArgumentException("PHI text of type " + type + " must be non-blank and trimmed");
        }
    }
}
