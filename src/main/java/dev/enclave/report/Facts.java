package dev.enclave.report;

/** A list of named values ({@code <dl>}). Names are plain text and escaped here; values are escaped HTML. */
final class Facts {

    private final StringBuilder items = new StringBuilder();

    /** Adds a name and its value, the value already escaped. */
    Facts add(String name, String valueHtml) {
        items.append("<div><dt>").append(Html.escape(name)).append("</dt><dd>").append(valueHtml)
                .append("</dd></div>");
        return this;
    }

    @Override
    public String toString() {
        return "<dl class=\"facts\">" + items + "</dl>";
    }
}
