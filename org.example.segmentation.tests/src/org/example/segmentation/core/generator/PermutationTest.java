package org.example.segmentation.core.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PermutationTest {

    @Test
    void isABijectionForEverySize() {
        for (int size : new int[] { 0, 1, 2, 3, 4, 5, 15, 16, 17, 100, 1000, 4097, 65_537 }) {
            Permutation p = new Permutation(size, 77);
            boolean[] seen = new boolean[size];
            for (int i = 0; i < size; i++) {
                int j = p.apply(i);
                assertTrue(j >= 0 && j < size && !seen[j], "size " + size + ", " + i + " -> " + j);
                seen[j] = true;
            }
        }
    }

    @Test
    void choosesExactlyKRowsSpreadOverTheRange() {
        Permutation p = new Permutation(100_000, 5);
        int chosen = 0;
        int inFirstHalf = 0;
        for (int i = 0; i < 100_000; i++) {
            if (p.apply(i) < 3000) {
                chosen++;
                inFirstHalf += i < 50_000 ? 1 : 0;
            }
        }
        assertEquals(3000, chosen);
        assertEquals(1500, inFirstHalf, 120); // hypergeometric sd about 27
    }

    @Test
    void dependsOnTheKey() {
        Permutation a = new Permutation(1000, 1);
        Permutation b = new Permutation(1000, 2);
        int same = 0;
        for (int i = 0; i < 1000; i++) {
            same += a.apply(i) == b.apply(i) ? 1 : 0;
        }
        assertTrue(same < 10, "same images: " + same);
    }

    @Test
    void rejectsIndicesOutsideTheDomain() {
        assertThrows(IndexOutOfBoundsException.class, () -> new Permutation(10, 1).apply(10));
        assertThrows(IllegalArgumentException.class, () -> new Permutation(-1, 1));
    }
}
