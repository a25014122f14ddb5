package dev.enclave.privacy;

import dev.enclave.deid.Deidentifier;
import dev.enclave.deid.PhiSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Scans texts a generative model wrote (from domain prompts and from canary prefixes) for identifiers, with the
 * de-identification detectors, and for canary secrets reproduced verbatim. A secret counts as reproduced when its
 * digits appear in order, separated at most by spaces or hyphens (tokenizers may space digits apart), and not inside
 * a longer run of digits.
 */
public final class LeakScan {
    private LeakScan() {}

    /**
     * Scans the texts.
     *
     * @param generations the generated texts
     * @param canaries the run's canaries (may be empty)
     * @param detectors the de-identification engine whose detectors count identifiers
     */
    public static LeakScanResult scan(List<String> generations, CanarySet canaries, Deidentifier detectors) {
        Map<String, Long> hits = new TreeMap<>();
        int withPhi = 0;
        for (String text : generations) {
            List<PhiSpan> spans = detectors.detect(text);
            withPhi += spans.isEmpty() ? 0 : 1;
            for (PhiSpan span : spans) {
                hits.merge(span.type().name(), 1L, Long::sum);
            }
        }
        List<String> reproduced = new ArrayList<>();
        for (Canary canary : canaries.canaries()) {
            Pattern secret = verbatim(canary.secret());
            if (generations.stream().anyMatch(text -> secret.matcher(text).find())) {
                reproduced.add(canary.id());
            }
        }
        return new LeakScanResult(generations.size(), withPhi, hits, canaries.canaries().size(), reproduced);
    }

    private static Pattern verbatim(String secret) {
        String digits = secret.replaceAll("\\D", "");
        StringBuilder regex = new StringBuilder("(?<!\\d)");
        for (int i = 0; i < digits.length(); i++) {
            regex.append(i == 0 ? "" : "[\\s-]*").append(digits.charAt(i));
        }
        return Pattern.compile(regex.append("(?!\\d)").toString());
    }
}
