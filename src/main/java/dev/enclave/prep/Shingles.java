package dev.enclave.prep;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The word shingles of a text as a sorted set of feature indices: words are runs of letters and digits, lower-cased;
 * a shingle is {@code words} consecutive words, hashed (MurmurHash3 steps) into {@link #DIMENSION} buckets. A text with
 * fewer words is one shingle; a text with no word has none, and so no MinHash (Spark's MinHashLSH needs at least one
 * non-zero entry).
 */
final class Shingles implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Size of the feature space. */
    static final int DIMENSION = 1 << 26;
    private static final int SEED = 0x5eed;

    private final int words;

    Shingles(int words) {
        this.words = words;
    }

    /** Sorted, distinct feature indices; empty when the text has no word. */
    int[] of(String text) {
        int[] wordHashes = wordHashes(text);
        if (wordHashes.length == 0) {
            return wordHashes;
        }
        int span = Math.min(words, wordHashes.length);
        int[] shingles = new int[wordHashes.length - span + 1];
        for (int i = 0; i < shingles.length; i++) {
            int h = SEED;
            for (int k = 0; k < span; k++) {
                h = mix(h, wordHashes[i + k]);
            }
            shingles[i] = (finish(h, span) & 0x7fffffff) % DIMENSION;
        }
        Arrays.sort(shingles);
        int distinct = 0;
        for (int i = 0; i < shingles.length; i++) {
            if (i == 0 || shingles[i] != shingles[i - 1]) {
                shingles[distinct++] = shingles[i];
            }
        }
        return Arrays.copyOf(shingles, distinct);
    }

    private static int[] wordHashes(String text) {
        int[] hashes = new int[16];
        int count = 0;
        int length = text.length();
        int at = 0;
        while (at < length) {
            while (at < length && !Character.isLetterOrDigit(text.charAt(at))) {
                at++;
            }
            if (at >= length) {
                break;
            }
            int h = SEED;
            int start = at;
            while (at < length && Character.isLetterOrDigit(text.charAt(at))) {
                h = 31 * h + Character.toLowerCase(text.charAt(at));
                at++;
            }
            if (count == hashes.length) {
                hashes = Arrays.copyOf(hashes, count * 2);
            }
            hashes[count++] = finish(mix(SEED, h), at - start);
        }
        return Arrays.copyOf(hashes, count);
    }

    /** MurmurHash3's 32-bit mixing step. */
    private static int mix(int hash, int data) {
        int k = Integer.rotateLeft(data * 0xcc9e2d51, 15) * 0x1b873593;
        return Integer.rotateLeft(hash ^ k, 13) * 5 + 0xe6546b64;
    }

    /** MurmurHash3's finalisation. */
    private static int finish(int hash, int length) {
        int h = hash ^ length;
        h = (h ^ (h >>> 16)) * 0x85ebca6b;
        h = (h ^ (h >>> 13)) * 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** Jaccard similarity of two sorted, distinct index sets; 0 when both are empty. */
    static double jaccard(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = a.length + b.length - common;
        return union == 0 ? 0 : (double) common / union;
    }
}
