package dev.enclave.report;

/**
 * Builds one inline {@code <svg>} element. Every text and tooltip is escaped; coordinates are rounded to one
 * decimal. The element carries no namespace declaration: inline SVG in HTML does not need one, and the report
 * holds no URLs.
 */
final class Svg {

    private final StringBuilder body = new StringBuilder();
    private final double width;
    private final double height;
    private final String label;

    /**
     * @param width  width in CSS pixels (the chart scales down on narrow screens)
     * @param height height in CSS pixels
     * @param label  accessible description of the chart
     */
    Svg(double width, double height, String label) {
        this.width = width;
        this.height = height;
        this.label = label;
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        body.append("<line x1=\"").append(Fmt.coord(x1)).append("\" y1=\"").append(Fmt.coord(y1))
                .append("\" x2=\"").append(Fmt.coord(x2)).append("\" y2=\"").append(Fmt.coord(y2))
                .append("\" class=\"").append(cssClass).append("\"/>");
        return this;
    }

    /** A rectangle filled with {@code fill} (a colour) or styled by {@code cssClass}, with an optional tooltip. */
    Svg rect(double x, double y, double w, double h, String cssClass, String fill, String tooltip) {
        body.append("<rect x=\"").append(Fmt.coord(x)).append("\" y=\"").append(Fmt.coord(y))
                .append("\" width=\"").append(Fmt.coord(Math.max(0, w))).append("\" height=\"")
                .append(Fmt.coord(Math.max(0, h))).append('"');
        attribute("class", cssClass);
        attribute("fill", fill);
        return closeWithTooltip("rect", tooltip);
    }

    Svg circle(double cx, double cy, double r, String stroke, String tooltip) {
        body.append("<circle cx=\"").append(Fmt.coord(cx)).append("\" cy=\"").append(Fmt.coord(cy))
                .append("\" r=\"").append(Fmt.coord(r)).append("\" class=\"point\"");
        attribute("stroke", stroke);
        return closeWithTooltip("circle", tooltip);
    }

    /** An open line through {@code xs[i], ys[i]}. */
    Svg polyline(double[] xs, double[] ys, String stroke, String tooltip) {
        body.append("<polyline class=\"series\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            body.append(i == 0 ? "" : " ").append(Fmt.coord(xs[i])).append(',').append(Fmt.coord(ys[i]));
        }
        body.append('"');
        attribute("stroke", stroke);
        return closeWithTooltip("polyline", tooltip);
    }

    /**
     * Text at {@code (x, y)}.
     *
     * @param anchor   {@code start}, {@code middle} or {@code end}
     * @param cssClass style class, may be null
     * @param rotate   degrees to rotate about {@code (x, y)}; 0 for none
     */
    Svg text(double x, double y, String text, String anchor, String cssClass, double rotate) {
        body.append("<text x=\"").append(Fmt.coord(x)).append("\" y=\"").append(Fmt.coord(y))
                .append("\" text-anchor=\"").append(anchor).append('"');
        attribute("class", cssClass);
        if (rotate != 0) {
            body.append(" transform=\"rotate(").append(Fmt.coord(rotate)).append(' ').append(Fmt.coord(x))
                    .append(' ').append(Fmt.coord(y)).append(")\"");
        }
        body.append('>').append(Html.escape(text)).append("</text>");
        return this;
    }

    /**
     * Text shortened to {@code maxChars} by an ellipsis in the middle, which keeps the distinguishing ends of
     * labels such as {@code "category number 1"} and {@code "category number 2"}; the full text becomes the tooltip.
     */
    Svg label(double x, double y, String text, String anchor, String cssClass, int maxChars, double rotate) {
        if (text.length() <= maxChars) {
            return text(x, y, text, anchor, cssClass, rotate);
        }
        int tail = (maxChars - 1) * 2 / 5;
        int head = maxChars - 1 - tail;
        body.append("<g><title>").append(Html.escape(text)).append("</title>");
        text(x, y, text.substring(0, head) + "\u2026" + text.substring(text.length() - tail), anchor, cssClass,
                rotate);
        body.append("</g>");
        return this;
    }

    @Override
    public String toString() {
        return "<svg class=\"chart\" width=\"" + Fmt.coord(width) + "\" height=\"" + Fmt.coord(height)
                + "\" viewBox=\"0 0 " + Fmt.coord(width) + ' ' + Fmt.coord(height) + "\" role=\"img\" aria-label=\""
                + Html.escape(label) + "\">" + body + "</svg>";
    }

    private void attribute(String name, String value) {
        if (value != null) {
            body.append(' ').append(name).append("=\"").append(Html.escape(value)).append('"');
        }
    }

    private Svg closeWithTooltip(String element, String tooltip) {
        if (tooltip == null) {
            body.append("/>");
        } else {
            body.append("><title>").append(Html.escape(tooltip)).append("</title></").append(element).append('>');
        }
        return this;
    }
}
