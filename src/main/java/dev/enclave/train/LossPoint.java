package dev.enclave.train;

/**
 * Mean training loss over the steps since the previous point.
 *
 * @param step optimiser step the point ends at
 * @param loss mean loss
 */
public record LossPoint(int step, double loss) {}
