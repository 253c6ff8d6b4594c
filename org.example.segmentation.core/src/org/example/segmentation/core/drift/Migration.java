package org.example.segmentation.core.drift;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Names;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.Table;

/**
 * The segment-to-segment and archetype-to-archetype migration between the previous month and the current one,
 * matched by customer identifier.
 *
 * <p>The previous month is held as a map from identifier to its row's segment and archetype: memory grows with
 * the previous month's customers (the one part of monitoring that is not constant in the rows, since a join by
 * identifier needs one side). The current month streams: each row is looked up and counted. A previous
 * identifier that repeats keeps its first row; a current identifier that repeats is counted once (matched
 * identifiers are remembered in a bit set over the previous rows, new identifiers in a set). Rows without an
 * identifier are skipped.
 */
final class Migration {
    private final Table previous;
    private final String configuredId;
    private final String configuredArchetype;
    private final SegmentLayout segments;
    private final SegmentAssigner assigner;

    private String idColumn;
    private String archetypeColumn;
    private Map<String, Integer> previousRow;
    private String[] previousSegment;
    private String[] previousArchetype;
    private BitSet matched;
    /** New customers (not in the previous month) seen so far, with their segment and archetype labels. */
    private final Map<String, String> newIds = new HashMap<>();
    /** This month's labels of the matched previous rows, to check repeated identifiers. */
    private String[] currentLabels;
    private final Map<String, Map<String, Long>> segmentCells = new HashMap<>();
    private final Map<String, Map<String, Long>> archetypeCells = new HashMap<>();
    private long stayed;
    private long matchedCount;
    /** Current-month rows accepted before the chunk being counted: row numbers in errors are 1-based. */
    private long rowsBefore;

    Migration(Table previous, DriftConfig config, SegmentLayout segments, SegmentAssigner assigner) {
        this.previous = previous;
        this.configuredId = config.idColumn();
        this.configuredArchetype = config.archetypeColumn();
        this.segments = segments;
        this.assigner = assigner;
        if (!configuredId.isEmpty() && !previous.hasColumn(configuredId)) {
            throw new InputException("setting '" + DriftConfig.KEY_ID_COLUMN + "' names column '" + configuredId
                    + "', which the previous month does not have; it has " + Names.quote(previous.columnNames()));
        }
        if (!configuredArchetype.isEmpty() && !previous.hasColumn(configuredArchetype)) {
            throw new InputException("setting '" + DriftConfig.KEY_ARCHETYPE_COLUMN + "' names column '"
                    + configuredArchetype + "', which the previous month does not have");
        }
        if (segments != null && !segments.fromModel() && !previous.hasColumn(segments.column())) {
            throw new InputException("the previous month has no segment column '" + segments.column()
                    + "'; migration needs the previous month's scored table");
        }
    }

    /**
     * The previous month's columns migration reads, given the current month's columns and their types: the
     * identifier (set, or every column text in the current month, where the first column text in both is found), the
     * segment column (unless segments come from a model: then null, every column, since the model assigns the
     * previous month from its features) and the archetype column.
     */
    static Set<String> previousColumns(DriftConfig config, SegmentLayout segments, Map<String, ColumnType> current) {
        if (segments != null && segments.fromModel()) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        if (!config.idColumn().isEmpty()) {
            out.add(config.idColumn());
        } else {
            current.forEach((name, type) -> {
                if (type == ColumnType.TEXT) {
                    out.add(name);
                }
            });
        }
        if (segments != null) {
            out.add(segments.column());
        }
        out.add(config.archetypeColumn().isEmpty() ? DriftConfig.DEFAULT_ARCHETYPE_COLUMN : config.archetypeColumn());
        return out;
    }

    /** The identifier column (after the first chunk). */
    String idColumn() {
        return idColumn;
    }

    /** Whether archetype migration is counted (after the first chunk). */
    boolean hasArchetypes() {
        return archetypeColumn != null;
    }

    /**
     * Counts the rows of a current-month chunk.
     *
     * @param segmentCodes the chunk's segment codes (null when segments are not monitored)
     */
    void accept(Table chunk, int[] segmentCodes) {
        if (previousRow == null) {
            resolve(chunk);
        }
        if (!chunk.hasColumn(idColumn)) {
            throw new InputException("the current table has no identifier column '" + idColumn + "'");
        }
        if (archetypeColumn != null && !chunk.hasColumn(archetypeColumn)) {
            throw new InputException("the current table has no archetype column '" + archetypeColumn + "'");
        }
        Column ids = chunk.column(idColumn);
        Column archetypes = archetypeColumn == null ? null : chunk.column(archetypeColumn);
        for (int i = 0; i < chunk.rowCount(); i++) {
            String id = ids.format(i);
            if (id == null) {
                continue;
            }
            String segment = segmentCodes == null ? null
                    : segmentCodes[i] < 0 ? MigrationCell.NONE : segments.names().get(segmentCodes[i]);
            String archetype = archetypes == null ? null : label(archetypes.format(i));
            Integer row = previousRow.get(id);
            String labels = segment + "\u0000" + archetype;
            if (row == null) {
                String before = newIds.putIfAbsent(id, labels);
                if (before != null) {
                    requireSameLabels("current", id, before, labels, rowsBefore + i + 1);
                    continue; // the same customer again, with the same labels: counted once
                }
                count(segmentCells, MigrationCell.NEW, segment);
                count(archetypeCells, MigrationCell.NEW, archetype);
                continue;
            }
            if (matched.get(row)) {
                requireSameLabels("current", id, currentLabels[row], labels, rowsBefore + i + 1);
                continue;
            }
            matched.set(row);
            currentLabels[row] = labels;
            matchedCount++;
            count(segmentCells, previousSegment == null ? null : previousSegment[row], segment);
            count(archetypeCells, previousArchetype == null ? null : previousArchetype[row], archetype);
            if (segment != null && previousSegment != null && segment.equals(previousSegment[row])) {
                stayed++;
            }
        }
        rowsBefore += chunk.rowCount();
    }

    /**
     * A customer identifier seen again in the same month is the same customer (exported twice) only when it
     * carries the same segment and archetype; otherwise the month is contradictory and migration cannot count it.
     */
    private void requireSameLabels(String month, String id, String before, String now, long row) {
        if (!before.equals(now)) {
            throw new InputException("the " + month + " month's identifier column '" + idColumn + "' holds '" + id
                    + "' more than once (again at row " + row + ") with a different segment or archetype; migration "
                    + "matches customers by identifier: remove the duplicate customers first (cleaner: "
                    + "duplicates=key, duplicates.key=" + idColumn + ")");
        }
    }

    /** Matched customers. */
    long matched() {
        return matchedCount;
    }

    /** Matched customers who kept their segment. */
    long stayed() {
        return stayed;
    }

    /** Every cell of both matrices, gone customers included. */
    List<MigrationCell> finish() {
        if (previousRow == null) {
            return List.of();
        }
        for (int row : previousRow.values()) {
            if (!matched.get(row)) {
                count(segmentCells, previousSegment == null ? null : previousSegment[row], previousSegment == null
                        ? null : MigrationCell.GONE);
                count(archetypeCells, previousArchetype == null ? null : previousArchetype[row],
                        previousArchetype == null ? null : MigrationCell.GONE);
            }
        }
        List<MigrationCell> out = new ArrayList<>();
        if (previousSegment != null) {
            cells("segment", segmentCells, segments.names(), out);
        }
        if (previousArchetype != null) {
            cells("archetype", archetypeCells, List.of(), out);
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------

    private void resolve(Table chunk) {
        idColumn = configuredId;
        if (idColumn.isEmpty()) {
            for (Column c : previous.columns()) {
                if (c.type() == ColumnType.TEXT && chunk.hasColumn(c.name())
                        && chunk.column(c.name()).type() == ColumnType.TEXT) {
                    idColumn = c.name();
                    break;
                }
            }
            if (idColumn.isEmpty()) {
                throw new InputException("migration needs a customer identifier: the previous and the current month "
                        + "share no text column; name it with the setting '" + DriftConfig.KEY_ID_COLUMN + "'");
            }
        }
        if (!configuredArchetype.isEmpty()) {
            archetypeColumn = configuredArchetype;
        } else if (previous.hasColumn(DriftConfig.DEFAULT_ARCHETYPE_COLUMN)
                && chunk.hasColumn(DriftConfig.DEFAULT_ARCHETYPE_COLUMN)) {
            archetypeColumn = DriftConfig.DEFAULT_ARCHETYPE_COLUMN;
        }
        if (segments == null && archetypeColumn == null) {
            throw new InputException("migration needs segments or archetypes, but the baseline monitors no segments "
                    + "and the months have no archetype column");
        }
        int n = previous.rowCount();
        matched = new BitSet(n);
        currentLabels = new String[n];
        if (segments != null) {
            previousSegment = new String[n];
            if (assigner != null) {
                int[] codes = assigner.assign(previous).segments();
                for (int i = 0; i < n; i++) {
                    previousSegment[i] = codes[i] < 0 ? MigrationCell.NONE : segments.names().get(codes[i]);
                }
            } else {
                Column c = previous.column(segments.column());
                Set<String> known = new HashSet<>(segments.names());
                for (int i = 0; i < n; i++) {
                    String label = c.format(i);
                    if (label != null && !known.contains(label)) {
                        throw new InputException("the previous month has segment '" + label + "' in column '"
                                + c.name() + "' (row " + (i + 1) + "), which is not one of the baseline's segments "
                                + Names.quote(segments.names()) + ": was it scored with another segmentation model?");
                    }
                    previousSegment[i] = label(label);
                }
            }
        }
        if (archetypeColumn != null) {
            Column c = previous.column(archetypeColumn);
            previousArchetype = new String[n];
            for (int i = 0; i < n; i++) {
                previousArchetype[i] = label(c.format(i));
            }
        }
        Column ids = previous.column(idColumn);
        previousRow = new HashMap<>(Math.max(16, n * 4 / 3 + 1));
        for (int i = 0; i < n; i++) {
            String id = ids.format(i);
            if (id == null) {
                continue;
            }
            Integer first = previousRow.putIfAbsent(id, i);
            if (first != null) {
                requireSameLabels("previous", id, previousLabels(first), previousLabels(i), i + 1);
            }
        }
    }

    private String previousLabels(int row) {
        return (previousSegment == null ? null : previousSegment[row]) + "\u0000"
                + (previousArchetype == null ? null : previousArchetype[row]);
    }

    private static String label(String value) {
        return value == null ? MigrationCell.NONE : value;
    }

    private static void count(Map<String, Map<String, Long>> cells, String from, String to) {
        if (from == null || to == null) {
            return;
        }
        cells.computeIfAbsent(from, k -> new HashMap<>()).merge(to, 1L, Long::sum);
    }

    private static void cells(String kind, Map<String, Map<String, Long>> cells, List<String> order,
            List<MigrationCell> out) {
        Set<String> labels = new LinkedHashSet<>(order);
        TreeSet<String> others = new TreeSet<>();
        cells.forEach((from, row) -> {
            others.add(from);
            others.addAll(row.keySet());
        });
        others.remove(MigrationCell.NEW);
        others.remove(MigrationCell.GONE);
        others.remove(MigrationCell.NONE);
        labels.addAll(others);
        List<String> froms = new ArrayList<>(labels);
        List<String> tos = new ArrayList<>(labels);
        if (hasLabel(cells, MigrationCell.NONE)) {
            froms.add(MigrationCell.NONE);
            tos.add(MigrationCell.NONE);
        }
        froms.add(MigrationCell.NEW);
        tos.add(MigrationCell.GONE);
        for (String from : froms) {
            Map<String, Long> row = cells.getOrDefault(from, new TreeMap<>());
            long total = 0;
            for (long v : row.values()) {
                total += v;
            }
            for (String to : tos) {
                if (from.equals(MigrationCell.NEW) && to.equals(MigrationCell.GONE)) {
                    continue;
                }
                long v = row.getOrDefault(to, 0L);
                double share = total == 0 ? Double.NaN : (double) v / total;
                out.add(new MigrationCell(kind, from, to, v, share));
            }
        }
    }

    private static boolean hasLabel(Map<String, Map<String, Long>> cells, String label) {
        if (cells.containsKey(label)) {
            return true;
        }
        for (Map<String, Long> row : cells.values()) {
            if (row.containsKey(label)) {
                return true;
            }
        }
        return false;
    }
}
