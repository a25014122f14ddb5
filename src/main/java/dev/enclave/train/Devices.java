package dev.enclave.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.enclave.EnclaveException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.resource.ResourceInformation;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * Resolves {@code training.devices} to DJL devices: {@code auto} (the GPUs Spark assigned to this driver when it
 * assigned any, else every GPU the engine sees, else the CPU), {@code cpu}, {@code gpu} (every GPU) or
 * {@code gpu:0,1} (those GPUs, which must exist).
 *
 * <p>On a cluster, Spark's GPU-aware scheduling places the driver, which runs training, on a node with a GPU when the
 * job is submitted with {@code --deploy-mode cluster --conf spark.driver.resource.gpu.amount=N} (and the cluster
 * manager's discovery script); {@code auto} then trains on exactly the GPUs Spark gave it.
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

    /**
     * The devices named by {@code setting}, with {@code gpuCount} GPUs present and {@code sparkAssigned} the GPU
     * indices Spark assigned to the driver (empty when it assigned none).
     */
    public static List<Device> resolve(String setting, int gpuCount, List<Integer> sparkAssigned) {
        if (!setting.equals("auto") || sparkAssigned.isEmpty()) {
            return resolve(setting, gpuCount);
        }
        List<Device> assigned = new ArrayList<>();
        for (int gpu : sparkAssigned) {
            if (gpu >= gpuCount) {
                throw EnclaveException.badInput("Spark assigned gpu " + gpu + " to the driver (spark.driver.resource"
                        + ".gpu) but the engine sees " + gpuCount + " GPU(s)");
            }
            assigned.add(Device.gpu(gpu));
        }
        return List.copyOf(assigned);
    }

    /** The devices named by {@code setting} on this machine, under this driver's Spark resources. */
    public static List<Device> resolve(String setting) {
        return resolve(setting, Engine.getInstance().getGpuCount(), sparkAssignedGpus());
    }

    private static List<Integer> sparkAssignedGpus() {
        Option<SparkSession> session = SparkSession.getActiveSession();
        if (session.isEmpty()) {
            return List.of();
        }
        ResourceInformation gpus = JavaSparkContext.fromSparkContext(session.get().sparkContext()).resources()
                .get("gpu");
        if (gpus == null) {
            return List.of();
        }
        return Arrays.stream(gpus.addresses()).map(Integer::parseInt).toList();
    }
}
