package dev.enclave.report;

import java.util.Optional;

/** The fine-tuned model: where it came from, its licence and size, and the classes it predicts. */
final class ModelSection implements Section {

    @Override
    public String id() {
        return "model";
    }

    @Override
    public String title() {
        return "Model";
    }

    @Override
    public Optional<String> body(ReportData data) {
        ModelSummary model = data.model();
        if (model == null) {
            return Optional.empty();
        }
        Facts facts = new Facts()
                .add("Name", text(model.name()))
                .add("Local path", model.path() == null ? unknown() : "<code>" + Html.escape(model.path()) + "</code>")
                .add("Licence", text(model.licence()))
                .add("Parameters", Fmt.count(model.parameterCount()) + " <span class=\"muted\">("
                        + Fmt.compact(model.parameterCount()) + ")</span>")
                .add("Trainable parameters", Fmt.count(model.trainableParameterCount())
                        + (model.parameterCount() == 0 ? "" : " <span class=\"muted\">("
                                + Fmt.percent((double) model.trainableParameterCount() / model.parameterCount())
                                + " of all)</span>"));
        if (!data.labels().isEmpty()) {
            StringBuilder chips = new StringBuilder("<span class=\"chips\">");
            for (String label : data.labels()) {
                chips.append("<span class=\"chip\">").append(Html.escape(label)).append("</span>");
            }
            facts.add("Classes (" + data.labels().size() + ")", chips.append("</span>").toString());
        }
        return Optional.of(facts.toString());
    }

    private static String text(String value) {
        return value == null ? unknown() : Html.escape(value);
    }

    private static String unknown() {
        return "<span class=\"muted\">not recorded</span>";
    }
}
