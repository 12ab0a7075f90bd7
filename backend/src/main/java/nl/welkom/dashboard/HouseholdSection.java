package nl.welkom.dashboard;

import java.util.Map;
import java.util.Optional;

/**
 * A part of a household's dashboard page that a feature contributes (integration plan, housing,
 * ...), so the page grows without the household package knowing every feature. Each section is a
 * bean; the page shows the sections in {@link #order()} after the household's facts, each rendered
 * from the template fragment {@code section(s)} in {@link #template()}, with the model it returns
 * as {@code s}. The section decides itself what the viewer may see (a buddy sees no integration
 * plan): it returns empty to be left out, and audits what it reads.
 */
public interface HouseholdSection {

    /** The template that holds the fragment {@code section(s)}, e.g. {@code integration/pip}. */
    String template();

    /** Where on the page: lower comes first. Members 100, journey 200, integration 300, housing 400. */
    int order();

    /**
     * What the fragment needs, for {@code viewer} on the household {@code householdId}, which the
     * page has already found in the viewer's scope; empty to leave the section out.
     */
    Optional<Map<String, Object>> model(Viewer viewer, String householdId);
}
