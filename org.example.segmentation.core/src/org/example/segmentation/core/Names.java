package org.example.segmentation.core;

import java.util.Collection;

/** How messages list column and setting names: {@code 'age', 'Região', 'income'}. */
public final class Names {
    /** At most this many names are listed; the rest are counted ("and 12 more"). */
    public static final int MAX_LISTED = 30;

    private Names() {
    }

    /** The names in single quotes, comma-separated, at most {@link #MAX_LISTED} then "and N more". */
    public static String quote(Collection<String> names) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (String name : names) {
            if (i == MAX_LISTED) {
                sb.append(" and ").append(names.size() - MAX_LISTED).append(" more");
                break;
            }
            sb.append(i == 0 ? "" : ", ").append('\'').append(name).append('\'');
            i++;
        }
        return sb.toString();
    }
}
