package dev.enclave.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.enclave.model.DjlOffline;
import dev.enclave.residency.DjlNetworkSettings;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The completion-masked next-token loss against a direct computation in Java. */
@ExtendWith(DjlOffline.class)
class CausalLmLossTest {
    private static final int VOCAB = 7;

    @BeforeAll
    static void offline() {
        DjlNetworkSettings.enforce();
    }

    @Test
    void countsOnlyCompletionTargetsShiftedByOne() {
        Random random = new Random(1);
        float[] logits = new float[2 * 5 * VOCAB];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) random.nextGaussian();
        }
        long[] ids = {1, 4, 2, 6, 3, 5, 5, 0, 0, 0};
        int[] prompts = {2, 1};
        int[] lengths = {5, 2};
        double sum = 0;
        int count = 0;
        for (int row = 0; row < 2; row++) {
            for (int t = prompts[row]; t < lengths[row]; t++) {
                if (t == 0) {
                    continue;
                }
                int base = (row * 5 + t - 1) * VOCAB;
                double max = Double.NEGATIVE_INFINITY;
                for (int v = 0; v < VOCAB; v++) {
                    max = Math.max(max, logits[base + v]);
                }
                double norm = 0;
                for (int v = 0; v < VOCAB; v++) {
                    norm += Math.exp(logits[base + v] - max);
                }
                sum -= logits[base + (int) ids[row * 5 + t]] - max - Math.log(norm);
                count++;
            }
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray mask = CausalLmLoss.completionMask(manager, prompts, lengths, 5);
            assertArrayEquals(new long[] {0, 0, 1, 1, 1, 0, 1, 0, 0, 0}, mask.toLongArray());
            NDArray loss = CausalLmLoss.completionLoss(manager.create(logits, new Shape(2, 5, VOCAB)),
                    manager.create(ids, new Shape(2, 5)), mask);
            assertEquals(4, count);
            assertEquals(sum / count, loss.getFloat(), 1e-5);
            NDArray none = CausalLmLoss.completionLoss(manager.create(logits, new Shape(2, 5, VOCAB)),
                    manager.create(ids, new Shape(2, 5)), manager.zeros(new Shape(2, 5)));
            assertEquals(0f, none.getFloat(), 0f);
        }
    }
}
