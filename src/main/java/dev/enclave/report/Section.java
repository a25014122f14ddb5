package dev.enclave.report;

import java.util.Optional;

/**
 * One section of the report. The writer adds the heading and, when {@link #body} is empty, a "not run" note, so a
 * section only renders what the run recorded.
 */
public interface Section {

    /** Anchor id, lower-case letters, digits and hyphens. */
    String id();

    /** Heading, plain text. */
    String title();

    /** The body as HTML with every value escaped, or empty when the run recorded nothing for this section. */
    Optional<String> body(ReportData data);
}
