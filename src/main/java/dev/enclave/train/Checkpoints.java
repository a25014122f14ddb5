package dev.enclave.train;

import ai.djl.ndarray.NDArray;
import dev.enclave.EnclaveException;
import dev.enclave.model.safetensors.SafetensorsReader;
import dev.enclave.model.safetensors.SafetensorsWriter;
import dev.enclave.model.safetensors.WritableTensor;
import dev.enclave.run.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Resumable checkpoints of one training loop in a run folder: {@code <dir>/step-00000040/} holding
 * {@code checkpoint.json} ({@link CheckpointState}), {@code trainable.safetensors} and {@code optimizer.safetensors}.
 * A checkpoint is written under {@code .partial} and renamed when complete, so a run killed while writing leaves
 * the previous one intact; the newest {@value #KEEP} are kept. Every write and delete goes through {@link RunFiles}.
 */
public final class Checkpoints {
    /** The checkpoint format this build writes and reads. */
    public static final int FORMAT_VERSION = 1;
    static final String STATE_FILE = "checkpoint.json";
    static final String TRAINABLE_FILE = "trainable.safetensors";
    static final String OPTIMIZER_FILE = "optimizer.safetensors";
    private static final String PARTIAL = ".partial";
    private static final int KEEP = 2;

    private final RunFiles files;
    private final String stage;
    private final Path dir;
    private final String task;
    private final long seed;
    private final TrainingPlan plan;
    private final LearningRateSchedule schedule;

    /**
     * @param files audited file access of the run
     * @param stage the stage named in audit entries
     * @param dir the checkpoint folder of this loop
     * @param task the loop's name
     * @param seed the run's seed
     * @param plan the loop's plan
     * @param schedule the loop's schedule
     */
    public Checkpoints(RunFiles files, String stage, Path dir, String task, long seed, TrainingPlan plan,
            LearningRateSchedule schedule) {
        this.files = files;
        this.stage = stage;
        this.dir = dir;
        this.task = task;
        this.seed = seed;
        this.plan = plan;
        this.schedule = schedule;
    }

    /** A listener that saves after every {@code every} steps (0: never in between) and after the last step. */
    public TrainingLoop.StepListener every(int every, AdamW optimiser) {
        return progress -> {
            if ((every > 0 && progress.step() % every == 0) || progress.step() == plan.size()) {
                save(progress, optimiser);
            }
        };
    }

    /** The newest complete checkpoint, if any. */
    public Optional<Path> latest() throws IOException {
        Path checked = files.check(dir, "read");
        if (!Files.isDirectory(checked)) {
            return Optional.empty();
        }
        return complete(checked).stream().reduce((first, second) -> second);
    }

    /** Writes the state after {@code progress.step()} steps. */
    public void save(TrainingProgress progress, AdamW optimiser) throws IOException {
        String name = String.format(java.util.Locale.ROOT, "step-%08d", progress.step());
        Path target = files.check(dir.resolve(name), "write");
        Path partial = files.check(dir.resolve(name + PARTIAL), "write");
        deleteTree(partial);
        files.createDirectories(partial);
        Map<String, NDArray> parameters = optimiser.parameters();
        write(partial.resolve(TRAINABLE_FILE), parameters);
        write(partial.resolve(OPTIMIZER_FILE), optimiser.moments());
        int next = progress.step() + 1;
        CheckpointState state = new CheckpointState(FORMAT_VERSION, task, progress.step(), plan.size(),
                plan.fingerprint(), seed, TrainingLoop.stepSeed(seed, next), schedule.decay().name(),
                schedule.warmupSteps(), next <= plan.size() ? schedule.factor(next) : 0, optimiser.steps(),
                List.copyOf(parameters.keySet()), progress);
        Files.writeString(partial.resolve(STATE_FILE), RunFiles.JSON.writeValueAsString(state) + "\n");
        deleteTree(target);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        for (String file : List.of(STATE_FILE, TRAINABLE_FILE, OPTIMIZER_FILE)) {
            files.recordWrite(stage, target.resolve(file), null);
        }
        List<Path> complete = complete(files.check(dir, "read"));
        for (Path old : complete.subList(0, Math.max(0, complete.size() - KEEP))) {
            deleteTree(old);
        }
    }

    /**
     * Puts the state of {@code checkpoint} back into {@code optimiser} (trained tensors, moments, step count).
     *
     * @return the progress to continue from
     * @throws EnclaveException naming the checkpoint if it was written by another format, loop, plan or schedule
     */
    public TrainingProgress restore(Path checkpoint, AdamW optimiser) throws IOException {
        Path stateFile = files.check(checkpoint.resolve(STATE_FILE), "read");
        CheckpointState state = RunFiles.JSON.readValue(stateFile.toFile(), CheckpointState.class);
        files.recordRead(stage, stateFile, null);
        List<String> mismatches = new ArrayList<>();
        expect(mismatches, "format_version", FORMAT_VERSION, state.formatVersion());
        expect(mismatches, "task", task, state.task());
        expect(mismatches, "total_steps", plan.size(), state.totalSteps());
        expect(mismatches, "plan_sha256", plan.fingerprint(), state.planSha256());
        expect(mismatches, "seed", seed, state.seed());
        expect(mismatches, "schedule_decay", schedule.decay().name(), state.scheduleDecay());
        expect(mismatches, "warmup_steps", schedule.warmupSteps(), state.warmupSteps());
        expect(mismatches, "trainable", List.copyOf(optimiser.parameters().keySet()), state.trainable());
        if (!mismatches.isEmpty()) {
            throw EnclaveException.badInput(files.check(checkpoint, "read") + ": cannot resume this run from it: "
                    + String.join("; ", mismatches));
        }
        Map<String, float[]> values = new HashMap<>();
        read(checkpoint.resolve(TRAINABLE_FILE), values);
        read(checkpoint.resolve(OPTIMIZER_FILE), values);
        optimiser.restore(state.optimizerSteps(), values);
        return state.progress();
    }

    private static void expect(List<String> mismatches, String field, Object expected, Object found) {
        if (!expected.equals(found)) {
            String shown = found instanceof List<?> list ? list.size() + " tensors" : String.valueOf(found);
            String wanted = expected instanceof List<?> list ? list.size() + " tensors" : String.valueOf(expected);
            mismatches.add(field + " is " + shown + " but this run has " + wanted);
        }
    }

    private void write(Path file, Map<String, NDArray> arrays) throws IOException {
        Map<String, WritableTensor> tensors = new TreeMap<>();
        arrays.forEach((name, array) -> tensors.put(name, WritableTensor.of(array)));
        SafetensorsWriter.builder().build().write(files.check(file, "write"), tensors);
    }

    private void read(Path file, Map<String, float[]> into) throws IOException {
        Path checked = files.check(file, "read");
        try (SafetensorsReader reader = SafetensorsReader.open(checked)) {
            for (String name : reader.tensorNames()) {
                into.put(name, reader.readFloats(name));
            }
        }
        files.recordRead(stage, checked, null);
    }

    private static List<Path> complete(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(path -> path.getFileName().toString().matches("step-\\d{8}"))
                    .filter(path -> Files.isRegularFile(path.resolve(STATE_FILE)))
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
        }
    }

    private void deleteTree(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path file : entries.toList()) {
                files.delete(stage, file);
            }
        }
        Files.delete(folder);
    }
}
