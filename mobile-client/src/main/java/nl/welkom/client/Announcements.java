package nl.welkom.client;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import nl.welkom.client.store.LocalStore;
import nl.welkom.model.announcement.Announcement;
import nl.welkom.model.content.TranslationState;

/**
 * The municipality's announcements on a household's phone (docs/sync.md, "Announcements"), in the
 * reader's language as the pull chose it. Get it from {@link Welkom#announcements()}. Each is new
 * ("fresh") once: until {@link #markShown}. Withdrawn ones are removed by the sync, expired ones
 * are not shown and pruned. Reads touch the store only.
 */
public final class Announcements {

    private final LocalStore store;
    private final Clock clock;

    Announcements(LocalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** One announcement as shown. */
    public record Item(Announcement announcement, boolean fresh) {
        /** Translated by a computer and not checked by a person: the screen says so. */
        public boolean machineDrafted() {
            return announcement.state() == TranslationState.MACHINE_DRAFTED;
        }
    }

    /** Live announcements today (in {@link Appointments#ZONE}), newest first. */
    public List<Item> live() {
        return live(LocalDate.now(clock.withZone(Appointments.ZONE)));
    }

    /** Announcements not withdrawn and not expired on {@code today} (expiresOn on or after it), newest first. */
    public List<Item> live(LocalDate today) {
        Objects.requireNonNull(today, "today");
        List<String> shown = Shelf.ANNOUNCEMENTS_SHOWN.get(store).orElse(Collections.<String>emptyList());
        List<Announcement> all = new ArrayList<>(Shelf.ANNOUNCEMENTS.get(store).orElse(Collections.<Announcement>emptyList()));
        all.sort(Comparator.comparing(Announcement::publishedAt).reversed().thenComparing(Announcement::id));
        List<Item> live = new ArrayList<>();
        for (Announcement a : all) {
            if (isLive(a, today)) {
                live.add(new Item(a, !shown.contains(a.id())));
            }
        }
        return Collections.unmodifiableList(live);
    }

    /** Live announcements never shown on this phone, newest first. */
    public List<Item> fresh() {
        List<Item> fresh = new ArrayList<>();
        for (Item i : live()) {
            if (i.fresh()) {
                fresh.add(i);
            }
        }
        return Collections.unmodifiableList(fresh);
    }

    /** The reader has seen it: it is no longer fresh. Unknown ids are ignored. */
    public void markShown(String id) {
        Objects.requireNonNull(id, "id");
        store.inTransaction(() -> {
            boolean known = false;
            for (Announcement a : Shelf.ANNOUNCEMENTS.get(store).orElse(Collections.<Announcement>emptyList())) {
                known |= a.id().equals(id);
            }
            List<String> shown = new ArrayList<>(Shelf.ANNOUNCEMENTS_SHOWN.get(store).orElse(Collections.<String>emptyList()));
            if (known && !shown.contains(id)) {
                shown.add(id);
                Shelf.ANNOUNCEMENTS_SHOWN.put(store, shown);
            }
        });
    }

    static boolean isLive(Announcement a, LocalDate today) {
        return !a.withdrawn() && !LocalDate.parse(a.expiresOn()).isBefore(today);
    }

    /**
     * The stored announcements after a pulled page: a newer version replaces, a withdrawn one is
     * removed, expired ones are pruned (and their "shown" marks with them). Runs inside the page's transaction.
     */
    static void store(LocalStore store, List<Announcement> pulled, LocalDate today) {
        List<Announcement> before = Shelf.ANNOUNCEMENTS.get(store).orElse(Collections.<Announcement>emptyList());
        if (pulled.isEmpty() && before.isEmpty()) {
            return;
        }
        java.util.Map<String, Announcement> byId = new java.util.LinkedHashMap<>();
        for (Announcement a : before) {
            byId.put(a.id(), a);
        }
        for (Announcement a : pulled) {
            Announcement old = byId.get(a.id());
            if (old == null || a.version() >= old.version()) {
                byId.put(a.id(), a);
            }
        }
        List<Announcement> kept = new ArrayList<>();
        for (Announcement a : byId.values()) {
            if (isLive(a, today)) {
                kept.add(a);
            }
        }
        Shelf.ANNOUNCEMENTS.put(store, kept);
        List<String> shown = new ArrayList<>(Shelf.ANNOUNCEMENTS_SHOWN.get(store).orElse(Collections.<String>emptyList()));
        List<String> stillThere = new ArrayList<>();
        for (Announcement a : kept) {
            if (shown.contains(a.id())) {
                stillThere.add(a.id());
            }
        }
        if (!stillThere.equals(shown)) {
            Shelf.ANNOUNCEMENTS_SHOWN.put(store, stillThere);
        }
    }
}
