package dev.enclave.report;

import java.util.List;
import java.util.Objects;

/**
 * A named series of loss values, e.g. {@code tuned} training loss or {@code validation} loss.
 *
 * @param name   series name shown in the legend
 * @param points loss values in step order
 */
public record LossCurve(String name, List<LossPoint> points) {

    public LossCurve {
        Objects.requireNonNull(name, "name");
        points = List.copyOf(points);
    }
}
