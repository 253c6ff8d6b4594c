package org.example.segmentation.core.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CustomerHashTest {

    @Test
    void firstEightBytesOfSha256OfSaltNulId() {
        // printf 'salt\0C1' | sha256sum  ->  65653cc13089c0ae75b856b975b3d6d800f87e6974504b86387d3ef198cd6ff2
        assertEquals(0x65653cc13089c0aeL, new CustomerHash("salt").hash("C1"));
        // 0x65653cc13089c0ae / 2^64 = 0.39607..., top 53 bits
        assertEquals((0x65653cc13089c0aeL >>> 11) * 0x1.0p-53, CustomerHash.unit(new CustomerHash("salt").hash("C1")));
        assertEquals(0.396076, CustomerHash.unit(0x65653cc13089c0aeL), 1e-6);
    }

    @Test
    void separatorKeepsSaltAndIdApart() {
        assertNotEquals(new CustomerHash("ab").hash("c"), new CustomerHash("a").hash("bc"));
    }

    @Test
    void unitCoversZeroToOneAndSortKeyOrdersUnsigned() {
        assertEquals(0.0, CustomerHash.unit(0L));
        assertTrue(CustomerHash.unit(-1L) < 1.0);
        assertEquals(1 - 0x1.0p-53, CustomerHash.unit(-1L));
        // -1 is the largest unsigned value: its sort key must be the largest signed one
        assertTrue(CustomerHash.sortKey(-1L) > CustomerHash.sortKey(Long.MAX_VALUE));
        assertTrue(CustomerHash.sortKey(0L) < CustomerHash.sortKey(1L));
    }

    @Test
    void hashIsUtf8AndExact() {
        CustomerHash h = new CustomerHash("Região");
        assertEquals(h.hash("Łódź-7"), new CustomerHash("Região").hash("Łódź-7"));
        assertNotEquals(h.hash("C1"), h.hash(" C1"), "ids are not trimmed");
    }
}
