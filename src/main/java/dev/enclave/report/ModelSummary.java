package dev.enclave.report;

/**
 * The model that was fine-tuned, as the report shows it.
 *
 * @param name                    model name, e.g. {@code all-MiniLM-L6-v2}
 * @param path                    local folder the weights were read from
 * @param licence                 licence of the weights, e.g. {@code Apache-2.0}
 * @param parameterCount          all parameters
 * @param trainableParameterCount parameters updated by fine-tuning, at most {@code parameterCount}
 */
public record ModelSummary(String name, String path, String licence, long parameterCount,
        long trainableParameterCount) {

    public ModelSummary {
        if (parameterCount < 0 || trainableParameterCount < 0 || trainableParameterCount > parameterCount) {
            throw new IllegalArgumentException("need 0 <= trainableParameterCount (" + trainableParameterCount
                    + ") <= parameterCount (" + parameterCount + ")");
        }
    }
}
