package dev.enclave.report;

/**
 * One logged loss value.
 *
 * @param step optimiser step
 * @param loss loss at that step, finite
 */
public record LossPoint(long step, double loss) {

    public LossPoint {
        if (!Double.isFinite(loss)) {
            throw new IllegalArgumentException("loss at step " + step + " is not finite: " + loss);
        }
    }
}
