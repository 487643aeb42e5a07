package org.convene.events.backoffice;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.Validator;

import org.convene.contracts.event.Person;
import org.convene.events.event.Event;
import org.convene.events.event.EventFields;
import org.convene.platform.problem.FieldErrors;
import org.convene.platform.problem.FormErrors;
import org.convene.platform.problem.Problem;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The event form as the organiser typed it: every value kept as text, so that a page with an error
 * shows exactly what was sent. Inputs are named as the API's fields, so that the API's validation
 * messages land beside them.
 */
public class EventForm {

    /** The page's inputs in order, with their labels, for the error summary. */
    static final SequencedMap<String, String> FIELDS = labels(
            "title", "Title", "startsAt", "Start", "timeZone", "Time zone", "durationMinutes", "Duration",
            "joinUrl", "Joining link", "summary", "Summary", "description", "Description", "imageUrl", "Image link",
            "imageAlt", "Image description", "livestreamUrl", "Livestream link", "host", "Host organisation",
            "supporters", "Supporting organisations", "chair.name", "Chair's name",
            "chair.affiliation", "Chair's affiliation", "speakers", "Speakers", "capacity", "Capacity",
            "waitlist", "Waitlist", "showPlacesLeft", "Places left", "joinLinkInReminders", "Joining link in reminders",
            "reminderMinutes", "Reminders", "languages", "Languages");

    /** Blank rows offered beneath the speakers already typed; "more rows" adds this many again. */
    static final int BLANK_SPEAKER_ROWS = 3;

    private static final Pattern REMINDER = Pattern.compile("(\\d{1,5})\\s*(d|h|m)");
    private static final DateTimeFormatter INPUT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @RestForm
    public String title = "";
    @RestForm
    public String startsAt = "";
    @RestForm
    public String timeZone = "Europe/London";
    @RestForm
    public String durationMinutes = "90";
    @RestForm
    public String joinUrl = "";
    @RestForm
    public String summary = "";
    @RestForm
    public String description = "";
    @RestForm
    public String imageUrl = "";
    @RestForm
    public String imageAlt = "";
    @RestForm
    public String livestreamUrl = "";
    @RestForm
    public String host = "";
    /** One organisation per line, in the order they are shown. */
    @RestForm
    public String supporters = "";
    @RestForm("chair.name")
    public String chairName = "";
    @RestForm("chair.affiliation")
    public String chairAffiliation = "";
    /** One per row of the speakers' table; a row left empty is no speaker. */
    @RestForm("speakerName")
    public List<String> speakerNames = new ArrayList<>();
    @RestForm("speakerAffiliation")
    public List<String> speakerAffiliations = new ArrayList<>();
    @RestForm
    public String capacity = "";
    @RestForm
    public boolean waitlist;
    @RestForm
    public boolean showPlacesLeft;
    @RestForm
    public boolean joinLinkInReminders;
    /** Before the start, as people say it: {@code 24h, 1h}. */
    @RestForm("reminderMinutes")
    public String reminders = "24h, 1h";
    @RestForm
    public List<String> languages = new ArrayList<>(List.of("en"));
    /** Sent by the "more speaker rows" button: show the form again with more rows, save nothing. */
    @RestForm
    public String moreSpeakers;

    public record PersonRow(String name, String affiliation) {
    }

    /** What the form made of the text: the request for the API, or what is wrong. */
    public record Parsed(EventFields fields, FormErrors errors) {
    }

    /** Input names and labels, given in pairs, kept in order. */
    static SequencedMap<String, String> labels(String... pairs) {
        SequencedMap<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            labels.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableSequencedMap(labels);
    }

    /** The form filled with an event as it is now. */
    static EventForm of(Event event) {
        EventForm form = new EventForm();
        form.title = event.title;
        form.startsAt = INPUT_TIME.format(event.localStart);
        form.timeZone = event.timeZone;
        form.durationMinutes = Integer.toString(event.durationMinutes);
        form.joinUrl = event.joinUrl;
        form.summary = Objects.toString(event.summary, "");
        form.description = Objects.toString(event.descriptionHtml, "");
        form.imageUrl = Objects.toString(event.imageUrl, "");
        form.imageAlt = Objects.toString(event.imageAlt, "");
        form.livestreamUrl = Objects.toString(event.livestreamUrl, "");
        form.host = Objects.toString(event.host, "");
        form.supporters = String.join("\n", event.supporters);
        form.chairName = event.chair == null ? "" : event.chair.name();
        form.chairAffiliation = event.chair == null ? "" : Objects.toString(event.chair.affiliation(), "");
        form.speakerNames = new ArrayList<>(event.speakers.stream().map(Person::name).toList());
        form.speakerAffiliations = new ArrayList<>(event.speakers.stream()
                .map(p -> Objects.toString(p.affiliation(), "")).toList());
        form.capacity = event.capacity == null ? "" : event.capacity.toString();
        form.waitlist = event.waitlist;
        form.showPlacesLeft = event.showPlacesLeft;
        form.joinLinkInReminders = event.joinLinkInReminders;
        form.reminders = event.reminderMinutes.stream().map(EventForm::reminder).collect(Collectors.joining(", "));
        form.languages = new ArrayList<>(event.languages);
        return form;
    }

    /** The speakers typed so far, then blank rows to type more: more of them after "more rows". */
    public List<PersonRow> speakerRows() {
        List<PersonRow> rows = new ArrayList<>(typedSpeakers());
        int blanks = moreSpeakers == null ? BLANK_SPEAKER_ROWS : BLANK_SPEAKER_ROWS * 2;
        for (int i = 0; i < blanks; i++) {
            rows.add(new PersonRow("", ""));
        }
        return rows;
    }

    public boolean offers(String language) {
        return languages.contains(language);
    }

    public boolean wantsMoreRows() {
        return moreSpeakers != null;
    }

    /** Reads the text into the API's request and checks it with the API's own rules. */
    Parsed parse(Validator validator) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDateTime start = start(startsAt, errors);
        Integer duration = number("durationMinutes", durationMinutes, errors);
        Integer seats = number("capacity", capacity, errors);
        List<Integer> reminderMinutes = reminderMinutes(errors);
        List<Person> speakers = new ArrayList<>();
        List<PersonRow> typed = typedSpeakers();
        for (int i = 0; i < typed.size(); i++) {
            PersonRow row = typed.get(i);
            if (row.name().isBlank()) {
                errors.add(new Problem.FieldError("speakers[" + i + "].name", "must have a name beside the affiliation"));
            } else {
                speakers.add(new Person(row.name().strip(), blankToNull(row.affiliation())));
            }
        }
        Person chair = null;
        if (!chairName.isBlank()) {
            chair = new Person(chairName.strip(), blankToNull(chairAffiliation));
        } else if (!chairAffiliation.isBlank()) {
            errors.add(new Problem.FieldError("chair.name", "must have a name beside the affiliation"));
        }
        List<String> supporterList = supporters.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        EventFields fields = new EventFields(title, start, timeZone.strip(), duration, joinUrl, blankToNull(summary),
                blankToNull(description), blankToNull(imageUrl), blankToNull(imageAlt), blankToNull(livestreamUrl),
                blankToNull(host), supporterList, chair, speakers, seats, waitlist, reminderMinutes, languages,
                showPlacesLeft, joinLinkInReminders);
        List<String> unreadable = errors.stream().map(Problem.FieldError::field).toList();
        // A value that could not be read is reported once, not again as missing.
        FieldErrors.of(validator.validate(fields)).stream()
                .filter(e -> !unreadable.contains(e.field()))
                .forEach(errors::add);
        return new Parsed(fields, FormErrors.of(errors, FIELDS));
    }

    /** Rows with something typed in them, in order: their indexes are the API's speaker indexes. */
    private List<PersonRow> typedSpeakers() {
        List<PersonRow> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(speakerNames.size(), speakerAffiliations.size()); i++) {
            String name = i < speakerNames.size() ? Objects.toString(speakerNames.get(i), "") : "";
            String affiliation = i < speakerAffiliations.size() ? Objects.toString(speakerAffiliations.get(i), "") : "";
            if (!name.isBlank() || !affiliation.isBlank()) {
                rows.add(new PersonRow(name, affiliation));
            }
        }
        return rows;
    }

    private List<Integer> reminderMinutes(List<Problem.FieldError> errors) {
        List<Integer> minutes = new ArrayList<>();
        for (String part : reminders.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = REMINDER.matcher(part.strip().toLowerCase());
            if (!m.matches()) {
                errors.add(new Problem.FieldError("reminderMinutes",
                        "must be times before the start such as 24h, 1h or 30m, separated by commas"));
                return null;
            }
            int value = Integer.parseInt(m.group(1));
            minutes.add(switch (m.group(2)) {
                case "d" -> value * 24 * 60;
                case "h" -> value * 60;
                default -> value;
            });
        }
        return minutes;
    }

    /**
     * A start as a datetime-local input sends it ({@code 2027-04-19T18:30}) or as a person types it
     * where that input is plain text ({@code 2027-04-19 18:30}); null, with an error on
     * {@code startsAt}, when it is neither.
     */
    static LocalDateTime start(String text, List<Problem.FieldError> errors) {
        try {
            return LocalDateTime.parse(Objects.toString(text, "").strip().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError("startsAt", "must be a date and a time, such as 2027-04-19 18:30"));
            return null;
        }
    }

    private static Integer number(String field, String text, List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(field, "must be a whole number"));
            return null;
        }
    }

    /** {@code 1440} is {@code 24h}, {@code 90} is {@code 90m}. */
    private static String reminder(int minutes) {
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
