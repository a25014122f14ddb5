package dev.enclave.model.bert;

import java.util.List;

/** A block that can list its parameters under Hugging Face names. */
interface HfNamed {

    /**
     * Appends this block's parameters, in model order, with their Hugging Face names.
     *
     * @param prefix the name prefix of this block, ending in a dot or empty
     * @param out the list to append to
     */
    void collectParameters(String prefix, List<HfParameter> out);
}
