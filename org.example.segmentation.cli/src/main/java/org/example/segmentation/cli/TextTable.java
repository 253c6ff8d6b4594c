package org.example.segmentation.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain aligned text table for the terminal: left-aligned text, right-aligned numbers. */
final class TextTable {
    private final List<String> header;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> header, boolean... rightAligned) {
        this.header = List.copyOf(header);
        this.rightAligned = new boolean[header.size()];
        for (int i = 0; i < rightAligned.length && i < header.size(); i++) {
            this.rightAligned[i] = rightAligned[i];
        }
    }

    void add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size());
        }
        rows.add(List.copyOf(row));
    }

    void print(PrintWriter out) {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = length(header.get(c));
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], length(r.get(c)));
            }
        }
        printRow(out, header, width);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        out.println(rule);
        for (List<String> r : rows) {
            printRow(out, r, width);
        }
        out.flush();
    }

    private void printRow(PrintWriter out, List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            String s = cells.get(c);
            String pad = " ".repeat(width[c] - length(s));
            sb.append(c == 0 ? "" : "  ");
            if (rightAligned[c]) {
                sb.append(pad).append(s);
            } else {
                sb.append(s).append(c == width.length - 1 ? "" : pad);
            }
        }
        out.println(sb);
    }

    /** Width in code points, so that "Łódź" counts four. */
    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
