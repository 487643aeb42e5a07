package org.convene.contracts;

/** Checks shared by the message records' constructors. */
public final class Messages {

    private Messages() {
    }

    /** Every field of a message is required: a missing one makes the message unreadable. */
    public static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    /** A list that an older message may not have carried. */
    public static <T> java.util.List<T> orEmpty(java.util.List<T> list) {
        return list == null ? java.util.List.of() : list;
    }
}
