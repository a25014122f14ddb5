package dev.enclave.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The one source of randomness of the generator: every choice goes through a seeded {@link SplittableRandom} in a
 * fixed order, so the same seed gives the same data.
 */
final class Draw {
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALPHANUMERIC = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

    private final SplittableRandom random;

    private Draw(SplittableRandom random) {
        this.random = random;
    }

    static Draw seeded(long seed) {
        return new Draw(new SplittableRandom(seed));
    }

    /** An independent stream, so one corpus does not shift when another one changes. */
    Draw split() {
        return new Draw(random.split());
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    long between(long min, long max) {
        return random.nextLong(min, max + 1);
    }

    /** A number in [0, 1). */
    double unit() {
        return random.nextDouble();
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T one(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    String oneOf(String... items) {
        return items[random.nextInt(items.length)];
    }

    /** The index of one of the weights, drawn in proportion to it. */
    int weighted(double... weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double point = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            point -= weights[i];
            if (point < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** {@code count} distinct items in random order (all of them when there are fewer). */
    <T> List<T> some(List<T> items, int count) {
        List<T> pool = new ArrayList<>(items);
        int taken = Math.min(count, pool.size());
        for (int i = 0; i < taken; i++) {
            int j = random.nextInt(i, pool.size());
            T swap = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, swap);
        }
        return List.copyOf(pool.subList(0, taken));
    }

    <T> void shuffle(List<T> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = items.get(i);
            items.set(i, items.get(j));
            items.set(j, swap);
        }
    }

    String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    /** Digits that do not start with 0. */
    String number(int count) {
        return (char) ('1' + random.nextInt(9)) + digits(count - 1);
    }

    String letters(int count) {
        return pick(LETTERS, count);
    }

    /** Upper-case letters and digits without the easily confused I, O and Q. */
    String alphanumeric(int count) {
        return pick(ALPHANUMERIC, count);
    }

    private String pick(String alphabet, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
