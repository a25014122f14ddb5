package dev.enclave.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import dev.enclave.model.lora.LoraConfig;
import dev.enclave.spec.TrainingSpec.Schedule;
import java.util.Random;

/**
 * Measures, in one run, the engine's fp32 matrix-multiply rate on this machine and the training throughput of a
 * model, and relates the two. Training FLOPs are counted per token as
 * <ul>
 *   <li>full fine-tuning: {@code 6 · P} (forward 2P, backward 2P for the activations' gradients and 2P for the
 *   weights' gradients), where P counts the parameters of the matrix products;</li>
 *   <li>LoRA: {@code 4 · P + 6 · P_lora}: the frozen weights still cost the forward and the activations' gradients,
 *   but no weight gradients; the adapters cost 6 per parameter.</li>
 * </ul>
 * Attention's score and value products (about {@code 12 · layers · length · hidden} per token) and element-wise work
 * are not counted, so the achieved rate is a lower bound of the work done.
 */
public final class TrainBenchmark {
    private TrainBenchmark() {}

    /**
     * What to run.
     *
     * @param batchSize sequences per step
     * @param sequenceLength tokens per sequence
     * @param warmupSteps untimed steps first
     * @param steps timed steps
     * @param lora adapter settings, or null for full fine-tuning
     * @param matmulSize n of the n × n × n matmul probe
     * @param seed seeds the model, the adapters and the token ids
     */
    public record Settings(int batchSize, int sequenceLength, int warmupSteps, int steps, LoraConfig lora,
            int matmulSize, long seed) {}

    /**
     * What was measured.
     *
     * @param model the subject's description
     * @param method {@code full} or {@code lora}
     * @param threads the engine's intra-op threads (PyTorch)
     * @param cores available processors
     * @param matmulGflops fp32 matmul rate
     * @param tokensPerSecond training tokens per second over the timed steps
     * @param flopsPerToken counted training FLOPs per token (see the class comment)
     * @param trainGflops achieved training rate
     * @param ratio trainGflops / matmulGflops
     * @param fastestStepRatio the same for the fastest timed step (on a shared machine, closer to what it can do)
     * @param matmulParameters P
     * @param adapterParameters P_lora
     * @param seconds duration of the timed steps
     * @param formula how FLOPs were counted
     */
    public record Result(String model, String method, int threads, int cores, double matmulGflops,
            double tokensPerSecond, double flopsPerToken, double trainGflops, double ratio, double fastestStepRatio,
            long matmulParameters, long adapterParameters, int batchSize, int sequenceLength, int steps,
            double seconds, String formula) {}

    /** Runs the probe and the training steps. */
    public static Result run(BenchSubject.Factory factory, Settings settings) throws Exception {
        Engine.getInstance().setRandomSeed((int) settings.seed());
        try (NDManager manager = NDManager.newBaseManager()) {
            double matmul = matmulGflops(manager, settings.matmulSize());
            BenchSubject subject = factory.create(manager, settings.lora(), settings.seed());
            long[] ids = tokenIds(settings, subject);
            try (AdamW optimiser = new AdamW(manager, 0.0, 1.0)) {
                optimiser.add("bench", subject.trainable(), 1e-5);
                for (int step = 0; step < settings.warmupSteps(); step++) {
                    step(subject, ids, settings, optimiser, manager);
                }
                double seconds = 0;
                double fastest = Double.MAX_VALUE;
                for (int step = 0; step < settings.steps(); step++) {
                    long started = System.nanoTime();
                    step(subject, ids, settings, optimiser, manager);
                    double stepSeconds = (System.nanoTime() - started) / 1e9;
                    seconds += stepSeconds;
                    fastest = Math.min(fastest, stepSeconds);
                }
                double tokensPerStep = (double) settings.batchSize() * settings.sequenceLength();
                double tokensPerSecond = tokensPerStep * settings.steps() / seconds;
                boolean lora = settings.lora() != null;
                double flopsPerToken = lora ? 4.0 * subject.matmulParameters() + 6.0 * subject.adapterParameters()
                        : 6.0 * subject.matmulParameters();
                double trainGflops = flopsPerToken * tokensPerSecond / 1e9;
                double fastestGflops = flopsPerToken * tokensPerStep / fastest / 1e9;
                return new Result(subject.description(), lora ? "lora" : "full", JniUtils.getNumThreads(),
                        Runtime.getRuntime().availableProcessors(), matmul, tokensPerSecond, flopsPerToken,
                        trainGflops, trainGflops / matmul, fastestGflops / matmul, subject.matmulParameters(),
                        subject.adapterParameters(), settings.batchSize(), settings.sequenceLength(),
                        settings.steps(), seconds, lora ? "4 * P + 6 * P_lora per token" : "6 * P per token");
            }
        }
    }

    /** One optimiser step over the batch of token ids, through the training loop. */
    private static void step(BenchSubject subject, long[] ids, Settings settings, AdamW optimiser,
            NDManager manager) {
        Shape shape = new Shape(settings.batchSize(), settings.sequenceLength());
        TrainingPlan plan = TrainingPlan.of(settings.batchSize(), settings.batchSize(), 1, 1, 0, settings.seed());
        TrainingLoop.builder()
                .setTask("bench")
                .setPlan(plan)
                .setLoss(new TrainingLoop.BatchLoss() {
                    @Override
                    public NDArray loss(NDManager scope, int[] batch) {
                        return subject.loss(scope, scope.create(ids, shape));
                    }

                    @Override
                    public long tokens(int[] batch) {
                        return shape.size();
                    }
                })
                .setOptimiser(optimiser)
                .setSchedule(new LearningRateSchedule(1, 1, Schedule.LINEAR))
                .setSeed(settings.seed())
                .build()
                .run(TrainingProgress.start(), manager);
    }

    /** The fp32 rate of an n × n by n × n product, best of five after two warm-up runs. */
    static double matmulGflops(NDManager manager, int n) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray a = scope.randomUniform(-1f, 1f, new Shape(n, n), DataType.FLOAT32);
            NDArray b = scope.randomUniform(-1f, 1f, new Shape(n, n), DataType.FLOAT32);
            double best = Double.MAX_VALUE;
            for (int run = 0; run < 7; run++) {
                long started = System.nanoTime();
                try (NDArray product = a.matMul(b)) {
                    product.getFloat(0, 0);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                if (run >= 2) {
                    best = Math.min(best, seconds);
                }
            }
            return 2.0 * n * n * n / best / 1e9;
        }
    }

    private static long[] tokenIds(Settings settings, BenchSubject subject) {
        Random random = new Random(settings.seed());
        long[] ids = new long[settings.batchSize() * settings.sequenceLength()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = subject.vocabSize() > 4 ? 4 + random.nextInt(subject.vocabSize() - 4) : 0;
        }
        return ids;
    }

}
