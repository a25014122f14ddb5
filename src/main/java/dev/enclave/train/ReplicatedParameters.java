package dev.enclave.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A parameter store for data-parallel training on several devices of one machine. On the device a parameter lives on
 * it gives the parameter's own array; on any other device a copy, made on first use. After the backward passes of a
 * step, {@link #gatherGradients} adds each copy's gradient into the parameter's own, so the optimiser steps on the sum;
 * {@link #dropTrainedCopies} then discards the copies of trained parameters, so the next pass copies the updated
 * weights. Frozen parameters are copied once.
 */
public final class ReplicatedParameters extends ParameterStore {
    private final NDManager manager;
    private final Map<Parameter, Map<Device, NDArray>> copies = new HashMap<>();

    /** A store whose copies {@code manager} owns. */
    public ReplicatedParameters(NDManager manager) {
        super(manager, false);
        this.manager = manager;
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        if (parameter == null) {
            return null;
        }
        NDArray own = parameter.getArray();
        if (own.getDevice().equals(device)) {
            return own;
        }
        return copies.computeIfAbsent(parameter, key -> new HashMap<>()).computeIfAbsent(device, key -> {
            NDArray copy = own.toDevice(device, true);
            copy.attach(manager);
            if (parameter.requiresGradient()) {
                copy.setRequiresGradient(true);
            }
            return copy;
        });
    }

    /** Adds every copy's gradient to its parameter's own gradient. */
    public void gatherGradients() {
        for (Map.Entry<Parameter, Map<Device, NDArray>> entry : copies.entrySet()) {
            if (!entry.getKey().requiresGradient()) {
                continue;
            }
            NDArray own = entry.getKey().getArray();
            for (NDArray copy : entry.getValue().values()) {
                try (NDArray gradient = copy.getGradient();
                        NDArray moved = gradient.toDevice(own.getDevice(), true);
                        NDArray total = own.getGradient()) {
                    total.addi(moved);
                    gradient.subi(gradient);
                }
            }
        }
    }

    /** Discards the copies of trained parameters, whose own arrays the optimiser has just changed. */
    public void dropTrainedCopies() {
        Iterator<Map.Entry<Parameter, Map<Device, NDArray>>> entries = copies.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<Parameter, Map<Device, NDArray>> entry = entries.next();
            if (entry.getKey().requiresGradient()) {
                entry.getValue().values().forEach(NDArray::close);
                entries.remove();
            }
        }
    }
}
