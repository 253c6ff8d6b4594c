package org.example.segmentation.core.segmentation;

import static org.example.segmentation.core.segmentation.SegmentationFixtures.blobs;
import static org.example.segmentation.core.segmentation.SegmentationFixtures.config;
import static org.example.segmentation.core.segmentation.SegmentationFixtures.segments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.Test;

/** Segment ids and names carried over from a previous model. */
class CarryOverTest {

    /** Blobs with fixed centres and fresh noise. */
    private static Table month(long noise, int... sizes) {
        return blobs(sizes, 3, 12, noise);
    }

    private static SegmentationModel fit(Table t, SegmentationModel previous, String... settings) {
        return Segmenter.fit(t, config(settings), FitContext.none().withPrevious(previous), Progress.NONE).model();
    }

    /** The segment id of each blob: the id of the segment most of the blob's rows fall in. */
    private static String[] idsOfBlobs(SegmentationModel m, Table t, int... sizes) {
        int[] seg = segments(m.assign(t));
        String[] out = new String[sizes.length];
        int start = 0;
        for (int b = 0; b < sizes.length; b++) {
            if (sizes[b] > 0) {
                out[b] = m.segmentIds().get(seg[start]);
            }
            start += sizes[b];
        }
        return out;
    }

    @Test
    void idsFollowTheSegmentsNotTheSizes() {
        Table january = month(1, 400, 300, 200);
        SegmentationModel first = fit(january, null, "k=3", "name.S3=Small savers");
        assertEquals(List.of("S1", "S2", "S3"), List.of(idsOfBlobs(first, january, 400, 300, 200)));
        // February: the same three groups, sizes reversed
        Table february = month(2, 150, 300, 400);
        SegmentationModel second = fit(february, first, "k=3");
        assertEquals(List.of("S1", "S2", "S3"), List.of(idsOfBlobs(second, february, 150, 300, 400)),
                "ids stay with the groups");
        assertEquals(List.of("S1", "S2", "Small savers"), second.segmentNames(), "names carry over with the ids");
        assertEquals(400, second.segment("S3").orElseThrow().size());
        CarryOver co = second.carryOver().orElseThrow();
        assertEquals(List.of("S1", "S2", "S3"), co.carriedIds());
        assertEquals(List.of(), co.newIds());
        assertEquals(List.of(), co.vanishedIds());
        assertEquals(List.of("x0", "x1", "x2", "tier"), co.commonFeatures());
        assertEquals(first.provenance().input().hash(), co.previousInputHash());
        for (Segment s : second.segments()) {
            assertTrue(s.matchDistance() < 1, s.id() + " moved " + s.matchDistance());
        }
        // without the previous model, February would be numbered by size
        SegmentationModel fresh = fit(february, null, "k=3");
        assertEquals(List.of("S3", "S2", "S1"), List.of(idsOfBlobs(fresh, february, 150, 300, 400)));
        assertNull(fresh.segments().get(0).matchDistance());
    }

    @Test
    void aNewSegmentGetsANewIdAndAVanishedIdIsNeverReused() {
        Table january = month(1, 400, 300, 200);
        SegmentationModel first = fit(january, null, "k=3");
        // a fourth group appears
        Table february = month(2, 400, 300, 200, 250);
        SegmentationModel second = fit(february, first, "k=4");
        assertEquals(List.of("S1", "S2", "S3", "S4"), List.of(idsOfBlobs(second, february, 400, 300, 200, 250)));
        assertEquals(List.of("S4"), second.carryOver().orElseThrow().newIds());
        assertEquals(4, second.lastSegmentNumber());
        // then the second group vanishes
        Table march = month(3, 400, 0, 200, 250);
        SegmentationModel third = fit(march, second, "k=3");
        assertEquals(List.of("S1", "S3", "S4"), third.segmentIds());
        assertEquals(List.of("S2"), third.carryOver().orElseThrow().vanishedIds());
        assertEquals(4, third.lastSegmentNumber(), "the highest number ever used");
        // and comes back: it gets a new id, S5, never S2 again
        Table april = month(4, 400, 300, 200, 250);
        SegmentationModel fourth = fit(april, third, "k=4");
        assertEquals(List.of("S1", "S5", "S3", "S4"), List.of(idsOfBlobs(fourth, april, 400, 300, 200, 250)));
        assertEquals(List.of("S1", "S3", "S4", "S5"), fourth.segmentIds(), "listed in id order");
        assertEquals(5, fourth.lastSegmentNumber());
    }

    @Test
    void whenFeaturesDifferTheCommonOnesAreMatched() {
        Table january = month(1, 400, 300, 200);
        SegmentationModel first = fit(january, null, "k=3");
        Table february = month(2, 200, 300, 400);
        SegmentationModel second = fit(february, first, "k=3", "exclude=x2");
        assertEquals(List.of("S1", "S2", "S3"), List.of(idsOfBlobs(second, february, 200, 300, 400)));
        CarryOver co = second.carryOver().orElseThrow();
        assertEquals(List.of("x0", "x1", "tier"), co.commonFeatures());
        assertEquals(List.of("x2"), co.previousOnlyFeatures());
        assertEquals(List.of(), co.newOnlyFeatures());
    }

    @Test
    void aMaximumDistanceLeavesFarSegmentsUnmatched() {
        Table january = month(1, 400, 300, 200);
        SegmentationModel first = fit(january, null, "k=3");
        SegmentationModel second = fit(month(2, 400, 300, 200), first, "k=3", "match.max_distance=0.000001");
        assertEquals(List.of("S4", "S5", "S6"), second.segmentIds());
        assertEquals(List.of("S1", "S2", "S3"), second.carryOver().orElseThrow().vanishedIds());
    }

    @Test
    void noCommonFeatureIsAnError() {
        SegmentationModel first = fit(month(1, 400, 300, 200), null, "k=3", "features=x0,x1");
        InputException e = assertThrows(InputException.class,
                () -> fit(month(2, 400, 300, 200), first, "k=3", "features=x2,tier"));
        assertTrue(e.getMessage().startsWith("cannot carry segment ids over: the previous model's features 'x0', 'x1'"
                + " and this fit's features share none"), e.getMessage());
    }

    @Test
    void aNewSegmentNamedLikeACarriedNameIsMarked() {
        SegmentationModel first = fit(month(1, 400, 300, 200), null, "k=3", "name.S1=S4");
        SegmentationModel second = fit(month(2, 400, 300, 200, 250), first, "k=4");
        assertEquals(List.of("S4", "S2", "S3", "S4 (new)"), second.segmentNames());
    }
}
