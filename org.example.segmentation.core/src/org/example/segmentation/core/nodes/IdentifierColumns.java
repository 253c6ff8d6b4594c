package org.example.segmentation.core.nodes;

import java.util.List;
import java.util.Locale;

/** Guesses a table's customer identifier column from the column names, for dialogs and empty settings. */
public final class IdentifierColumns {

    private IdentifierColumns() {
    }

    /**
     * The identifier column: the first text column named {@code id}, ending in {@code _id} or {@code id} after a
     * lower-case letter ({@code customerId}), or containing {@code customer}; else the first column so named
     * whatever its type; else null.
     *
     * @param names the column names
     * @param text  per column, whether it holds text (not numbers)
     */
    public static String guess(List<String> names, List<Boolean> text) {
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < names.size(); c++) {
                if ((pass == 1 || text.get(c)) && looksLikeId(names.get(c))) {
                    return names.get(c);
                }
            }
        }
        return null;
    }

    static boolean looksLikeId(String name) {
        String n = name.toLowerCase(Locale.ROOT).strip();
        return n.equals("id") || n.endsWith("_id") || n.endsWith(" id") || n.contains("customer")
                || (name.endsWith("Id") && name.length() > 2 && Character.isLowerCase(name.charAt(name.length() - 3)));
    }
}
