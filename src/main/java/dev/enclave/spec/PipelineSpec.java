package dev.enclave.spec;

import java.util.Objects;

/**
 * A pipeline spec as the user wrote it, with defaults filled in: what to read, how to prepare it, which model to tune,
 * how to train and evaluate it, and where data may live. Immutable; {@link SpecLoader} builds it from YAML.
 *
 * @param version spec format version; only {@value #FORMAT_VERSION} exists
 * @param name pipeline name, used in run folder names
 * @param seed fixes splits, surrogates, initialisation and data order
 * @param dedup exact and near-duplicate removal
 * @param filters rules that take rows out of the data set, each with a reason
 */
public record PipelineSpec(
        Integer version,
        String name,
        Long seed,
        ResidencySpec residency,
        DataSpec data,
        DeidSpec deid,
        DedupSpec dedup,
        FiltersSpec filters,
        SplitSpec split,
        ModelSpec model,
        TaskSpec task,
        TrainingSpec training,
        EvaluationSpec evaluation,
        OutputSpec output) {

    /** The spec format this build reads. */
    public static final int FORMAT_VERSION = 1;

    public PipelineSpec {
        Checks.require(version, "version");
        Checks.require(seed, "seed");
        if (version != FORMAT_VERSION) {
            throw Checks.invalid("version", "must be " + FORMAT_VERSION + " (got " + version + ")");
        }
        Checks.require(name, "name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw Checks.invalid("name", "must be letters, digits, '.', '_' or '-' (it names run folders)");
        }
        Checks.require(residency, "residency");
        Checks.require(data, "data");
        Checks.require(model, "model");
        deid = Objects.requireNonNullElseGet(deid, DeidSpec::defaults);
        dedup = Objects.requireNonNullElseGet(dedup, DedupSpec::defaults);
        filters = Objects.requireNonNullElseGet(filters, FiltersSpec::defaults);
        split = Objects.requireNonNullElseGet(split, SplitSpec::defaults);
        task = Objects.requireNonNullElseGet(task, TaskSpec::defaults);
        training = Objects.requireNonNullElseGet(training, TrainingSpec::defaults);
        evaluation = Objects.requireNonNullElseGet(evaluation, EvaluationSpec::defaults);
        output = Objects.requireNonNullElseGet(output, OutputSpec::defaults);
        if (task.usesLabel() && data.columns().label() == null) {
            throw new SpecFieldException("data.columns.label", "missing 'data.columns.label': task type "
                    + task.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                    + (task.type() == TaskSpec.Type.CLASSIFICATION ? "" : " with {label} in a template")
                    + " needs a label column");
        }
    }
}
