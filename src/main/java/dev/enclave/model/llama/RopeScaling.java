package dev.enclave.model.llama;

/**
 * Llama-3 style rotary frequency scaling ({@code rope_scaling} with {@code rope_type: llama3}): frequencies whose
 * wavelength exceeds {@code originalMaxPositionEmbeddings / lowFreqFactor} are divided by {@code factor}, those
 * shorter than {@code originalMaxPositionEmbeddings / highFreqFactor} are kept, and the ones in between are
 * interpolated smoothly.
 *
 * @param factor how much the longest wavelengths are stretched
 * @param lowFreqFactor divides the original context into the low-frequency wavelength bound
 * @param highFreqFactor divides the original context into the high-frequency wavelength bound
 * @param originalMaxPositionEmbeddings the context length the model was pretrained with
 */
public record RopeScaling(
        double factor, double lowFreqFactor, double highFreqFactor, int originalMaxPositionEmbeddings) {

    /** The {@code rope_type} this record describes. */
    public static final String LLAMA3 = "llama3";

    /** Validates the factors. */
    public RopeScaling {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("rope_scaling.factor must be positive, got " + factor);
        }
        if (!(lowFreqFactor > 0 && highFreqFactor > lowFreqFactor)) {
            throw new IllegalArgumentException("rope_scaling needs 0 < low_freq_factor < high_freq_factor, got "
                    + lowFreqFactor + " and " + highFreqFactor);
        }
        if (originalMaxPositionEmbeddings <= 0) {
            throw new IllegalArgumentException("rope_scaling.original_max_position_embeddings must be positive, got "
                    + originalMaxPositionEmbeddings);
        }
    }

    /**
     * Applies the scaling to one inverse frequency.
     *
     * @param inverseFrequency radians per position before scaling
     * @return radians per position after scaling
     */
    public double scale(double inverseFrequency) {
        double wavelength = 2 * Math.PI / inverseFrequency;
        double lowFreqWavelength = originalMaxPositionEmbeddings / lowFreqFactor;
        double highFreqWavelength = originalMaxPositionEmbeddings / highFreqFactor;
        if (wavelength < highFreqWavelength) {
            return inverseFrequency;
        }
        if (wavelength > lowFreqWavelength) {
            return inverseFrequency / factor;
        }
        double smooth = (originalMaxPositionEmbeddings / wavelength - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
        return (1 - smooth) * inverseFrequency / factor + smooth * inverseFrequency;
    }
}
