package dev.enclave.spec;

import java.nio.file.Path;

/**
 * A validated spec together with where it came from and its resolved form.
 *
 * @param spec the spec with defaults filled in
 * @param source the file it was read from
 * @param resolvedYaml the spec written back out with every default, as stored in the run folder
 * @param sha256 hex sha256 of {@code resolvedYaml}'s UTF-8 bytes; identifies the spec in provenance
 */
public record LoadedSpec(PipelineSpec spec, Path source, String resolvedYaml, String sha256) {}
