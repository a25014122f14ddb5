package dev.enclave.deid;

import java.nio.charset.StandardCharsets;

/** A stable 64-bit keyed hash (FNV-1a over UTF-8, then SplitMix64 finalisation), the same on every JVM. */
final class KeyedHash {

    private KeyedHash() {
    }

    static long of(long seed, String... parts) {
        long h = 0xcbf29ce484222325L ^ mix(seed);
        for (String part : parts) {
            for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
                h ^= b & 0xff;
                h *= 0x100000001b3L;
            }
            h ^= 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A value in [0, bound) from a hash. */
    static int index(long hash, int bound) {
        return (int) Math.floorMod(hash, (long) bound);
    }
}
