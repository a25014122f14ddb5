package dev.enclave.run;

import java.nio.file.Path;

/**
 * The layout of one run's folder. Every stage writes only here; {@code audit.jsonl} records each read and write.
 *
 * <pre>
 * runs/&lt;run-id&gt;/
 *   spec.yaml          resolved spec, as run
 *   run.json           run id, working directory, Enclave version, start time
 *   audit.jsonl        hash-chained log of every read, write and stage
 *   manifest.json      per-stage counts and sha256 of every output file (no times: same spec and data, same bytes)
 *   prepared/          train.parquet, validation.parquet, test.parquet
 *   quarantine/        quarantined.parquet: rejected rows with file, line, reason
 *   model/             fine-tuned weights in Hugging Face layout (LoRA: merged into the base weights)
 *   adapter/           LoRA runs: the adapter in PEFT layout
 *   checkpoints/       resumable training state, per training loop
 *   training/          loss curves
 *   metrics.json       every figure the report shows
 *   report.html        for people
 *   tmp/               Spark's scratch space, inside the allowed roots
 * </pre>
 */
public record RunFolder(Path root) {
    public Path spec() {
        return root.resolve("spec.yaml");
    }

    public Path runInfo() {
        return root.resolve("run.json");
    }

    public Path audit() {
        return root.resolve("audit.jsonl");
    }

    public Path manifest() {
        return root.resolve("manifest.json");
    }

    public Path prepared() {
        return root.resolve("prepared");
    }

    public Path preparedSplit(String split) {
        return prepared().resolve(split + ".parquet");
    }

    public Path quarantine() {
        return root.resolve("quarantine");
    }

    public Path model() {
        return root.resolve("model");
    }

    public Path adapter() {
        return root.resolve("adapter");
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    public Path training() {
        return root.resolve("training");
    }

    public Path metrics() {
        return root.resolve("metrics.json");
    }

    public Path report() {
        return root.resolve("report.html");
    }

    public Path tmp() {
        return root.resolve("tmp");
    }

    /** {@code file} relative to the run folder, with forward slashes, as manifests and audit entries name it. */
    public String relative(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }
}
