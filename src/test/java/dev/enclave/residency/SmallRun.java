package dev.enclave.residency;

import dev.enclave.run.RunContext;
import dev.enclave.spec.LoadedSpec;
import dev.enclave.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * A run folder made without Spark or DJL: a spec over a three-row CSV, then the same audited file operations a real run
 * makes. The audit entries it writes, by seq: 0 run_start, 1 write spec.yaml, 2 write run.json, 3 stage_start,
 * 4 read notes.csv, 5 write prepared/train.parquet (3 rows), 6 write prepared/test.parquet, 7 write tmp/scratch.bin,
 * 8 delete it, 9 write manifest.json, 10 stage_end, 11 run_end.
 */
final class SmallRun {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private SmallRun() {}

    /** Writes the spec (with {@code modelExtra} lines under {@code model:}) and the CSV into {@code dir}. */
    static LoadedSpec spec(Path dir, String modelExtra) throws IOException {
        Files.writeString(dir.resolve("notes.csv"), "id,g,t,l\n1,a,x,yes\n2,b,y,no\n3,c,z,yes\n");
        String yaml = """
                version: 1
                name: small
                seed: 1
                residency:
                  allowed_roots: [%1$s]
                data:
                  path: %1$s/notes.csv
                  columns: {id: id, group: g, text: t, label: l}
                  labels: ["yes", "no"]
                model:
                  path: %1$s/model
                %2$s
                output:
                  runs_dir: %1$s/runs
                """.formatted(dir.toAbsolutePath(), modelExtra.indent(2).stripTrailing());
        return SpecLoader.load(Files.writeString(dir.resolve("spec.yaml"), yaml));
    }

    /** Makes the run folder {@code dir/runs/small} and returns it. */
    static Path make(Path dir, Optional<AuditKey> key) throws IOException {
        LoadedSpec spec = spec(dir, "");
        Path runDir = dir.resolve("runs/small");
        try (RunContext run = RunContext.create(spec, dir, runDir, CLOCK, key)) {
            run.files().event(AuditEvent.Type.STAGE_START, "prepare", null);
            run.files().recordRead("prepare", dir.resolve("notes.csv"), 3L);
            Path train = run.files().createDirectories(runDir.resolve("prepared")).resolve("train.parquet");
            Files.write(train, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            run.manifest().addFile(run.files().recordWrite("prepare", train, 3L));
            Path test = Files.writeString(runDir.resolve("prepared/test.parquet"), "test split");
            run.manifest().addFile(run.files().recordWrite("prepare", test, 1L));
            Path scratch = run.files().createDirectories(runDir.resolve("tmp")).resolve("scratch.bin");
            Files.writeString(scratch, "spill");
            run.files().recordWrite("prepare", scratch, null);
            run.files().delete("prepare", scratch);
            run.manifest().putStage("prepare", Map.of("rows_in", 4, "rows_out", 3,
                    "quarantined", Map.of("EMPTY_TEXT", 1), "phi_replaced", Map.of("NAME", 2, "DATE", 1)));
            run.writeManifest("prepare");
            run.files().event(AuditEvent.Type.STAGE_END, "prepare", Map.of("outcome", "succeeded", "millis", 5));
            run.files().event(AuditEvent.Type.RUN_END, null, Map.of("outcome", "succeeded", "egress_attempts", 0));
        }
        return runDir;
    }

    /** A model folder that opens (config, tokenizer, weights present) with the given README front matter licence. */
    static Path modelFolder(Path dir, String readmeLicense) throws IOException {
        Path model = Files.createDirectories(dir.resolve("model"));
        Files.writeString(model.resolve("config.json"), "{}");
        Files.writeString(model.resolve("tokenizer.json"), "{}");
        Files.write(model.resolve("model.safetensors"), new byte[] {0, 1, 2});
        if (readmeLicense != null) {
            Files.writeString(model.resolve("README.md"), "---\nlicense: " + readmeLicense + "\n---\n# A model\n");
        }
        return model;
    }
}
