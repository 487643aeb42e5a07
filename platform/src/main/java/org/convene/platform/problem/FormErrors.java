package org.convene.platform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a form a person sent, for the page that shows it again: a summary at the top
 * that links to each field by its label, and each message beside its field. Fields are named as in
 * problem answers ({@code title}, {@code speakers[1].name}); a message on a list element
 * ({@code supporters[2]}) is shown beside the list's one input.
 *
 * @param labels the form's inputs in the page's order, each with its label
 */
public record FormErrors(List<Problem.FieldError> errors, Map<String, String> labels) {

    private static final Pattern ROW_FIELD = Pattern.compile("([A-Za-z]+)\\[(\\d+)]\\.([A-Za-z]+)");

    public static FormErrors none() {
        return new FormErrors(List.of(), Map.of());
    }

    /** The errors in the page's order of inputs, the others after them. */
    public static FormErrors of(List<Problem.FieldError> errors, SequencedMap<String, String> labels) {
        List<String> order = List.copyOf(labels.keySet());
        List<Problem.FieldError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt((Problem.FieldError e) -> {
            int index = order.indexOf(list(input(e.field())));
            return index < 0 ? order.size() : index;
        }).thenComparing(Problem.FieldError::field));
        return new FormErrors(List.copyOf(sorted), labels);
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    /** The first message for the input named {@code field}, or null when it is fine. */
    public String errorFor(String field) {
        return errors.stream().filter(e -> input(e.field()).equals(field)).map(Problem.FieldError::message)
                .findFirst().orElse(null);
    }

    /** The message for a field of a row of a table: {@code rowError("speakers", 1, "name")}. */
    public String rowError(String list, int index, String field) {
        return errorFor(list + "[" + index + "]." + field);
    }

    /** The label people read for the field: {@code speakers[1].name} is "Speakers, row 2: name". */
    public String labelOf(String field) {
        Matcher row = ROW_FIELD.matcher(field);
        if (row.matches()) {
            return labels.getOrDefault(row.group(1), row.group(1)) + ", row " + (Integer.parseInt(row.group(2)) + 1)
                    + ": " + row.group(3);
        }
        return labels.getOrDefault(input(field), field);
    }

    /** The same as {@link #anchor(String)}, for templates, which call methods of their data. */
    public String anchorOf(String field) {
        return anchor(field);
    }

    /** The id of the input that shows {@code field}'s message: {@code speakers[1].name} is {@code speakers-1-name}. */
    public static String anchor(String field) {
        return input(field).replaceAll("[\\[\\].]+", "-").replaceAll("-$", "");
    }

    /** A list element's message belongs to the list's input; a nested field keeps its own. */
    private static String input(String field) {
        return field.matches("[A-Za-z]+\\[\\d+]") ? field.substring(0, field.indexOf('[')) : field;
    }

    /** {@code speakers[1].name} sorts with {@code speakers}. */
    private static String list(String field) {
        Matcher row = ROW_FIELD.matcher(field);
        return row.matches() ? row.group(1) : field;
    }
}
