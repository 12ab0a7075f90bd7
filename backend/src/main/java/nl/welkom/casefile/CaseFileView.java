package nl.welkom.casefile;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micronaut.core.annotation.Nullable;
import nl.welkom.dashboard.Display;

/**
 * What the case-file pages and the household page's section show, already in the viewer's
 * language ({@link Display}): countries and languages by name, dates the Dutch (or English) way.
 * Public, like its nested records, only because the template engine reads them by reflection.
 */
public final class CaseFileView {
    private CaseFileView() {
    }

    /**
     * The officer-only part of the household page.
     *
     * @param selectionRoute enum name or null, worded by the template
     */
    public record Section(String id, String reference, @Nullable String selectionRoute,
                          @Nullable String expectedArrival, @Nullable String arrivedOn,
                          @Nullable String receptionLocation, List<MemberRow> members, List<NeedRow> householdNeeds,
                          List<NeedRow> memberNeeds) {

        static Section of(HouseholdDetails details, Display display) {
            Map<String, String> names = details.members().stream()
                    .collect(Collectors.toMap(HouseholdDetails.MemberDetails::id,
                            HouseholdDetails.MemberDetails::displayName));
            List<NeedRow> needs = details.specialNeeds().stream()
                    .map(need -> NeedRow.of(need, names.get(need.memberId()), display))
                    .toList();
            return new Section(details.id(), details.reference(),
                    details.selectionRoute() == null ? null : details.selectionRoute().name(),
                    display.isoDate(details.expectedArrival()), display.isoDate(details.arrivedOn()),
                    details.receptionLocation(),
                    details.members().stream().map(member -> MemberRow.of(member, display)).toList(),
                    needs.stream().filter(need -> need.memberName() == null).toList(),
                    needs.stream().filter(need -> need.memberName() != null).toList());
        }
    }

    /** A member with what only officers see. {@code born} is the date of birth, else the year. */
    public record MemberRow(String id, String name, @Nullable String born, @Nullable String nationality,
                            String languages) {
        static MemberRow of(HouseholdDetails.MemberDetails member, Display display) {
            String born = member.birthDate() != null ? display.isoDate(member.birthDate())
                    : member.birthYear() == null ? null : String.valueOf(member.birthYear());
            return new MemberRow(member.id(), member.displayName(), born, display.country(member.nationality()),
                    display.languages(member.languages()));
        }
    }

    /** A special need; {@code memberName} null when it concerns the household. */
    public record NeedRow(String id, String kind, @Nullable String memberName, @Nullable String note,
                          @Nullable String recorded) {
        static NeedRow of(HouseholdDetails.SpecialNeedInfo need, @Nullable String memberName, Display display) {
            return new NeedRow(need.id(), need.kind().name(), memberName, need.note(),
                    display.dateTime(need.createdAt()));
        }
    }

    /** One choice of a select list or a checkbox. */
    public record Option(String value, String label) {
    }

    /** A broken rule for the error summary: the field's anchor and the message. */
    public record ErrorLink(String anchor, String message) {
    }

    /** Every ISO 3166 country by its name in the viewer's language, sorted the way that language sorts. */
    static List<Option> countries(Display display) {
        Collator collator = Collator.getInstance(display.locale());
        return Stream.of(Locale.getISOCountries())
                .map(code -> new Option(code, display.country(code)))
                .sorted(Comparator.comparing(Option::label, collator))
                .toList();
    }

    /**
     * The languages by name in the viewer's language, in the given order; where the JDK knows no
     * name ({@code prs}), the {@code language} table's.
     */
    static List<Option> languages(Map<String, String> names, Display display) {
        return names.entrySet().stream().map(language -> {
            String label = display.language(language.getKey());
            return new Option(language.getKey(), label.equals(language.getKey()) ? language.getValue() : label);
        }).toList();
    }
}
