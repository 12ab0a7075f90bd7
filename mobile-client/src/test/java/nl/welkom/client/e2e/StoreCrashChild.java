package nl.welkom.client.e2e;

import java.io.File;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import nl.welkom.client.Messages;
import nl.welkom.client.SyncListener;
import nl.welkom.client.Welkom;
import nl.welkom.client.WelkomException;
import nl.welkom.client.store.jdbc.SqliteLocalStore;

/**
 * The phone that {@link CrashIT} kills: a child JVM that opens the JDBC store, activates when given
 * a code, then writes messages offline and syncs, over and over, until it is killed. It tells the
 * test what it did on standard output, one line each: {@code READY}, {@code QUEUED <id> <text>}
 * once an edit is committed to the store's outbox, {@code ACKED <id>} once a sync returned and
 * the edit left the outbox.
 *
 * <p>Arguments: base URL, store file, household id, round, activation code or {@code -}.
 */
public final class StoreCrashChild {
    private StoreCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        SqliteLocalStore store = SqliteLocalStore.open(new File(args[1]));
        String household = args[2];
        String round = args[3];
        Welkom phone = Phones.phone(baseUrl, store, true, 5, null);
        if (!"-".equals(args[4])) {
            phone.activate(args[4], "Telefoon voor de crashtest");
            phone.setLanguages(List.of("nl"));
            phone.sync(SyncListener.NONE);
        }
        System.out.println("READY");
        System.out.flush();
        List<String> waiting = new ArrayList<>();
        for (int i = 0; ; i++) {
            for (int k = 0; k < 3; k++) {
                String text = "Bericht " + round + "-" + i + "-" + k + " van de telefoon";
                Messages.Entry entry = phone.messages().send(household, text);
                waiting.add(entry.message().id());
                System.out.println("QUEUED " + entry.message().id() + " " + text);
                System.out.flush();
            }
            try {
                phone.sync(SyncListener.NONE);
            } catch (WelkomException offline) {
                Thread.sleep(50);
                continue;
            }
            Set<String> pending = phone.messages().conversation(household).stream()
                    .filter(Messages.Entry::pending).map(e -> e.message().id()).collect(Collectors.toSet());
            for (Iterator<String> it = waiting.iterator(); it.hasNext(); ) {
                String id = it.next();
                if (!pending.contains(id)) {
                    System.out.println("ACKED " + id);
                    it.remove();
                }
            }
            System.out.flush();
        }
    }
}
