package nl.welkom.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import nl.welkom.client.SyncListener;

/**
 * Bytes on the wire for a newcomer's phone: the real client on a real store, through a counting
 * proxy, against the real backend jar with the demo data. Household: Familie Al-Khatib (Arabic).
 */
final class WireBench {
    static final String HOUSEHOLD = "Familie Al-Khatib";
    static final String LANGUAGE = "ar";
    static final String HOUSEHOLD_TI = "Familie Haile";
    static final String BUDGET_MESSAGE = "Sync after 1 new message from the officer";
    static final String BUDGET_APPOINTMENT = "Sync after 1 moved appointment";
    static final String BUDGET_WRITTEN = "Sync after 1 message written on the phone (push + pull)";
    static final String BUDGET_UP_TO_DATE = "Up-to-date sync (after messages and appointments)";

    private final Path backendJar;
    private final Path work;

    WireBench(Path backendJar, Path work) {
        this.backendJar = backendJar;
        this.work = work;
    }

    JsonObject run() throws Exception {
        JsonObject out = new JsonObject();
        JsonArray scenarios = new JsonArray();
        try (Backend backend = new Backend(backendJar, work.resolve("wire-data"), "wire", List.of())) {
            backend.start();
            try (CountingProxy proxy = new CountingProxy(backend.port())) {
                OfficerApi officer = OfficerApi.login(backend.baseUrl(), "officer@zwolle.demo", "welkom-demo");
                String household = officer.householdId(HOUSEHOLD);

                try (Phone phone = new Phone(proxy, work.resolve("phone-gzip"), false);
                     Phone plain = new Phone(proxy, work.resolve("phone-identity"), true)) {
                    // 1. First install: activate with a code from the officer, choose Arabic, first sync.
                    String code = officer.createActivationCode(household);
                    Phone.Measure install = phone.measure("First install (" + LANGUAGE + "): activate + first sync", () -> {
                        phone.welkom.activate(code, "Bench phone");
                        phone.welkom.setLanguages(List.of(LANGUAGE));
                    });
                    scenarios.add(json(install, phone));

                    // The same first install with gzip switched off (a second phone of the household,
                    // before any change, so it receives exactly what the first one did).
                    String code2 = officer.createActivationCode(household);
                    Phone.Measure installPlain = plain.measure("First install (" + LANGUAGE + "), Accept-Encoding: identity", () -> {
                        plain.welkom.activate(code2, "Bench phone (no gzip)");
                        plain.welkom.setLanguages(List.of(LANGUAGE));
                    });
                    scenarios.add(json(installPlain, plain));

                    // 1b. The same first install in Tigrinya (Familie Haile): a language in Ge'ez script,
                    //     three UTF-8 bytes a letter, next to Arabic's two.
                    String haile = officer.householdId(HOUSEHOLD_TI);
                    try (Phone ti = new Phone(proxy, work.resolve("phone-ti"), false)) {
                        String codeTi = officer.createActivationCode(haile);
                        Phone.Measure installTi = ti.measure("First install (ti): activate + first sync", () -> {
                            ti.welkom.activate(codeTi, "Bench phone (ti)");
                            ti.welkom.setLanguages(List.of("ti"));
                        });
                        scenarios.add(json(installTi, ti));
                        out.addProperty("firstInstallTiVsAr",
                                (double) (installTi.total.up() + installTi.total.down())
                                        / (install.total.up() + install.total.down()));
                    }

                    // 2. Up-to-date sync right after.
                    Phone.Measure upToDate = phone.measure("Up-to-date sync (nothing changed)", null);
                    scenarios.add(json(upToDate, phone));

                    // 3. One change by the officer.
                    JsonArray tasks = officer.tasks(household);
                    officer.toggle(tasks.get(0).getAsJsonObject());
                    Phone.Measure one = phone.measure("Sync after 1 officer change", null);
                    scenarios.add(json(one, phone));

                    // 4a. 100 officer edits, round-robin over the household's tasks (the pull carries
                    //     the latest snapshot of each changed task, not 100 items).
                    tasks = officer.tasks(household);
                    List<JsonObject> current = new ArrayList<>();
                    for (JsonElement t : tasks) {
                        current.add(t.getAsJsonObject());
                    }
                    for (int i = 0; i < 100; i++) {
                        int k = i % current.size();
                        current.set(k, officer.toggle(current.get(k)));
                    }
                    Phone.Measure hundredEdits = phone.measure(
                            "Sync after 100 officer changes (status toggles over the " + current.size() + " tasks)", null);
                    scenarios.add(json(hundredEdits, phone));

                    // 4b. 100 new tasks, inserted straight into the running server's database, each with
                    //     its own change_seq and the titles of a template task (nl/en/ar): 100 changed rows.
                    Filler.Inserted inserted;
                    try (Connection db = Filler.open(backend.dataDir().resolve("welkom.db"))) {
                        inserted = Filler.insert(db, household, 0, 100, false);
                    }
                    Phone.Measure hundredNew = phone.measure("Sync after 100 changes (100 new tasks, inserted in the DB)", null);
                    JsonObject h = json(hundredNew, phone);
                    h.addProperty("insertedTasks", inserted.tasks());
                    h.addProperty("insertedTitles", inserted.titles());
                    scenarios.add(h);

                    Phone.Measure upToDateAgain = phone.measure("Up-to-date sync (again, after the catch-up)", null);
                    scenarios.add(json(upToDateAgain, phone));

                    // 5. Issue 11's budget: one new message, one moved appointment, one message from the phone.
                    officer.sendMessage(household, "Goedemorgen! Uw afspraak bij de huisarts is donderdag om 10:00. "
                            + "Neem uw verzekeringspas mee.");
                    Phone.Measure message = phone.measure(BUDGET_MESSAGE, null);
                    scenarios.add(json(message, phone));

                    JsonArray appointments = officer.appointments(household);
                    if (appointments.isEmpty()) {
                        throw new IllegalStateException(HOUSEHOLD + " has no demo appointment to move");
                    }
                    officer.moveByADay(appointments.get(appointments.size() - 1).getAsJsonObject());
                    Phone.Measure moved = phone.measure(BUDGET_APPOINTMENT, null);
                    scenarios.add(json(moved, phone));

                    Phone.Measure written = phone.measure(BUDGET_WRITTEN, () -> phone.welkom.messages().send(
                            household, "Dank u wel, wij komen donderdag."));
                    scenarios.add(json(written, phone));

                    Phone.Measure upToDateLast = phone.measure(BUDGET_UP_TO_DATE, null);
                    scenarios.add(json(upToDateLast, phone));

                    out.add("scenarios", scenarios);
                    JsonObject gzip = new JsonObject();
                    gzip.addProperty("firstInstallDownGzip", install.total.down());
                    gzip.addProperty("firstInstallDownIdentity", installPlain.total.down());
                    gzip.addProperty("firstInstallTotalGzip", install.total.up() + install.total.down());
                    gzip.addProperty("firstInstallTotalIdentity", installPlain.total.up() + installPlain.total.down());
                    gzip.addProperty("ratioDown", (double) install.total.down() / installPlain.total.down());
                    gzip.addProperty("ratioTotal", (double) (install.total.up() + install.total.down())
                            / (installPlain.total.up() + installPlain.total.down()));
                    out.add("gzip", gzip);
                    out.addProperty("householdTasksAfter", phone.taskCount());
                }
            }
        }
        return out;
    }

    private static JsonObject json(Phone.Measure m, Phone phone) {
        JsonObject o = new JsonObject();
        o.addProperty("scenario", m.name);
        o.addProperty("requests", m.requests.size());
        JsonArray lines = new JsonArray();
        m.requests.forEach(lines::add);
        o.add("requestLines", lines);
        o.addProperty("bytesUp", m.total.up());
        o.addProperty("bytesDown", m.total.down());
        o.addProperty("bytesTotal", m.total.up() + m.total.down());
        o.addProperty("tcpConnections", m.total.connections());
        o.addProperty("clientReportedRequests", m.result.requests());
        o.addProperty("clientReportedBytesReceived", m.result.bytesReceived());
        o.addProperty("pulledItems", m.result.pulled());
        o.addProperty("contentUpdated", m.result.contentUpdated());
        o.addProperty("tasksOnPhone", phone.taskCount());
        JsonObject phases = new JsonObject();
        if (m.activation.up() + m.activation.down() > 0) {
            phases.add("ACTIVATE", bytes(m.activation));
        }
        for (Map.Entry<SyncListener.Phase, CountingProxy.Snapshot> e : m.phases.entrySet()) {
            phases.add(e.getKey().name(), bytes(e.getValue()));
        }
        o.add("phases", phases);
        return o;
    }

    private static JsonObject bytes(CountingProxy.Snapshot s) {
        JsonObject o = new JsonObject();
        o.addProperty("up", s.up());
        o.addProperty("down", s.down());
        return o;
    }
}
