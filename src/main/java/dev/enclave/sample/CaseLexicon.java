package dev.enclave.sample;

import java.util.List;

/**
 * What the files of one kind of legal matter talk about, as templates (see {@link Template}); {@code postures} say
 * where the matter stands (settlement, plea, hearing).
 */
record CaseLexicon(
        CaseType type,
        List<String> facts,
        List<String> harms,
        List<String> issues,
        List<String> testimony,
        List<String> tasks,
        List<String> postures,
        List<String> quotes) {
}
