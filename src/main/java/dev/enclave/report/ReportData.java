package dev.enclave.report;

import dev.enclave.eval.ClassificationMetrics;
import dev.enclave.eval.PairedComparison;
import dev.enclave.privacy.PrivacyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one run's report shows. Only the run id and pipeline name are required: a {@code null} value or an
 * empty list means that part of the pipeline did not run, and its section says so.
 *
 * @param runId              run identifier
 * @param pipelineName       pipeline name from the spec
 * @param specSha256         SHA-256 of the pipeline spec file, hex
 * @param createdAt          when the run was made, as the caller wants it shown
 * @param model              the fine-tuned model
 * @param labels             class names; defaults to those of the metrics
 * @param lossCurves         loss series to plot
 * @param baseMetrics        the untuned model on the test split
 * @param tunedMetrics       the fine-tuned model on the test split
 * @param comparison         paired bootstrap comparison of the two
 * @param stages             data-preparation stages in pipeline order
 * @param splits             split sizes
 * @param deidentifiedByType PHI spans replaced, by PHI type name; {@code null} when de-identification did not run,
 *                           empty when it ran and found nothing
 * @param residency          data-residency summary
 * @param privacy            canary exposure, membership attack, leak scan and privacy gates
 * @param deidQuality        the de-identification quality gate and residual scan; {@code null} when neither ran
 */
public record ReportData(
        String runId,
        String pipelineName,
        String specSha256,
        String createdAt,
        ModelSummary model,
        List<String> labels,
        List<LossCurve> lossCurves,
        ClassificationMetrics baseMetrics,
        ClassificationMetrics tunedMetrics,
        PairedComparison comparison,
        List<StageCount> stages,
        SplitSizes splits,
        Map<String, Long> deidentifiedByType,
        ResidencySummary residency,
        PrivacyResult privacy,
        DeidQuality deidQuality) {

    public ReportData {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(pipelineName, "pipelineName");
        labels = labels == null ? List.of() : List.copyOf(labels);
        lossCurves = lossCurves == null ? List.of() : List.copyOf(lossCurves);
        stages = stages == null ? List.of() : List.copyOf(stages);
        deidentifiedByType = deidentifiedByType == null ? null : Map.copyOf(deidentifiedByType);
        if (labels.isEmpty() && tunedMetrics != null) {
            labels = tunedMetrics.labels();
        } else if (labels.isEmpty() && baseMetrics != null) {
            labels = baseMetrics.labels();
        }
    }

    /** A builder; set the run id and pipeline name, add what the run produced. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects report data; {@code set*} for the required values, {@code opt*} and {@code add*} for the rest. */
    public static final class Builder {
        private String runId;
        private String pipelineName;
        private String specSha256;
        private String createdAt;
        private ModelSummary model;
        private List<String> labels = List.of();
        private final List<LossCurve> lossCurves = new ArrayList<>();
        private ClassificationMetrics baseMetrics;
        private ClassificationMetrics tunedMetrics;
        private PairedComparison comparison;
        private final List<StageCount> stages = new ArrayList<>();
        private SplitSizes splits;
        private Map<String, Long> deidentifiedByType;
        private ResidencySummary residency;
        private PrivacyResult privacy;
        private DeidQuality deidQuality;

        private Builder() {
        }

        public Builder setRunId(String runId) {
            this.runId = runId;
            return this;
        }

        public Builder setPipelineName(String pipelineName) {
            this.pipelineName = pipelineName;
            return this;
        }

        public Builder optSpecSha256(String specSha256) {
            this.specSha256 = specSha256;
            return this;
        }

        public Builder optCreatedAt(String createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder optModel(ModelSummary model) {
            this.model = model;
            return this;
        }

        public Builder optLabels(List<String> labels) {
            this.labels = List.copyOf(labels);
            return this;
        }

        public Builder addLossCurve(LossCurve curve) {
            lossCurves.add(Objects.requireNonNull(curve, "curve"));
            return this;
        }

        public Builder optBaseMetrics(ClassificationMetrics baseMetrics) {
            this.baseMetrics = baseMetrics;
            return this;
        }

        public Builder optTunedMetrics(ClassificationMetrics tunedMetrics) {
            this.tunedMetrics = tunedMetrics;
            return this;
        }

        public Builder optComparison(PairedComparison comparison) {
            this.comparison = comparison;
            return this;
        }

        public Builder addStage(StageCount stage) {
            stages.add(Objects.requireNonNull(stage, "stage"));
            return this;
        }

        public Builder optSplits(SplitSizes splits) {
            this.splits = splits;
            return this;
        }

        public Builder optDeidentifiedByType(Map<String, Long> deidentifiedByType) {
            this.deidentifiedByType = deidentifiedByType;
            return this;
        }

        public Builder optResidency(ResidencySummary residency) {
            this.residency = residency;
            return this;
        }

        public Builder optPrivacy(PrivacyResult privacy) {
            this.privacy = privacy;
            return this;
        }

        public Builder optDeidQuality(DeidQuality deidQuality) {
            this.deidQuality = deidQuality;
            return this;
        }

        /**
         * @throws IllegalStateException when the run id or pipeline name is missing
         */
        public ReportData build() {
            if (runId == null || runId.isBlank()) {
                throw new IllegalStateException("report needs a run id (setRunId)");
            }
            if (pipelineName == null || pipelineName.isBlank()) {
                throw new IllegalStateException("report needs a pipeline name (setPipelineName)");
            }
            return new ReportData(runId, pipelineName, specSha256, createdAt, model, labels, lossCurves,
                    baseMetrics, tunedMetrics, comparison, stages, splits, deidentifiedByType, residency, privacy,
                    deidQuality);
        }
    }
}
