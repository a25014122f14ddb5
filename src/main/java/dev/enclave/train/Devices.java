package dev.enclave.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.enclave.EnclaveException;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves {@code training.devices} to DJL devices: {@code auto} (every GPU the engine sees, else the CPU),
 * {@code cpu}, {@code gpu} (every GPU) or {@code gpu:0,1} (those GPUs, which must exist).
 */
public final class Devices {
    private Devices() {}

    /** The devices named by {@code setting}, with {@code gpuCount} GPUs present. */
    public static List<Device> resolve(String setting, int gpuCount) {
        if (setting.equals("cpu") || (setting.equals("auto") && gpuCount == 0)) {
            return List.of(Device.cpu());
        }
        if (setting.equals("auto") || setting.equals("gpu")) {
            if (gpuCount == 0) {
                throw EnclaveException.badInput("training.devices is 'gpu' but the engine sees no GPU");
            }
            List<Device> all = new ArrayList<>();
            for (int i = 0; i < gpuCount; i++) {
                all.add(Device.gpu(i));
            }
            return List.copyOf(all);
        }
        if (!setting.startsWith("gpu:")) {
            throw EnclaveException.badInput("training.devices '" + setting + "' is not auto, cpu, gpu or gpu:N,M");
        }
        List<Device> chosen = new ArrayList<>();
        for (String index : setting.substring(4).split(",")) {
            int gpu = Integer.parseInt(index);
            if (gpu >= gpuCount) {
                throw EnclaveException.badInput("training.devices names gpu " + gpu + " but the engine sees "
                        + gpuCount + " GPU(s)");
            }
            Device device = Device.gpu(gpu);
            if (chosen.contains(device)) {
                throw EnclaveException.badInput("training.devices names gpu " + gpu + " twice");
            }
            chosen.add(device);
        }
        return List.copyOf(chosen);
    }

    /** A device as the spec names it: {@code cpu} or {@code gpu:N}. */
    public static String name(Device device) {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : device.getDeviceType();
    }

    /** The devices named by {@code setting} on this machine. */
    public static List<Device> resolve(String setting) {
        return resolve(setting, Engine.getInstance().getGpuCount());
    }
}
