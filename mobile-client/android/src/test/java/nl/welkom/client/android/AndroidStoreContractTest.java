package nl.welkom.client.android;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.ParameterizedRobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;

import nl.welkom.client.store.LocalStore;
import nl.welkom.client.store.LocalStoreContractTest;

/**
 * The same {@link LocalStoreContractTest} that the in-memory and JDBC stores pass, run against
 * {@link AndroidLocalStore} on Robolectric: Android 8 (API 26, SQLite 3.18's framework) and a current
 * SDK. Robolectric's runner is a JUnit 4 runner and the contract is written for JUnit 5, so each
 * contract test becomes one parameter here and is called with its {@code @BeforeEach} and
 * {@code @AfterEach} methods around it (the contract has no other lifecycle or extension).
 */
@RunWith(ParameterizedRobolectricTestRunner.class)
@Config(sdk = {26, 34})
public class AndroidStoreContractTest {

    /** The contract's store: a database file in the app's database folder, closed and opened for a reopen.
     *  Abstract (instantiated anonymously) so that the JUnit 5 engine never picks it up on its own. */
    abstract static class OnAndroid extends LocalStoreContractTest {
        private final String name = "welkom-" + UUID.randomUUID() + ".db";

        @Override
        protected LocalStore newStore() {
            return AndroidLocalStore.open(RuntimeEnvironment.getApplication(), name);
        }

        @Override
        protected LocalStore reopen(LocalStore store) {
            ((AndroidLocalStore) store).close();
            return newStore();
        }

        @Override
        protected void close(LocalStore store) {
            ((AndroidLocalStore) store).close();
        }
    }

    @ParameterizedRobolectricTestRunner.Parameters(name = "{0}")
    public static List<Object[]> contract() {
        List<Object[]> names = new ArrayList<>();
        for (Method m : methods(org.junit.jupiter.api.Test.class)) {
            names.add(new Object[] {m.getName()});
        }
        if (names.size() < 15) {
            throw new IllegalStateException("The contract has only " + names.size() + " tests: is this the right class?");
        }
        return names;
    }

    private final String test;

    public AndroidStoreContractTest(String test) {
        this.test = test;
    }

    @Test
    public void holdsOnAndroid() throws Throwable {
        OnAndroid contract = new OnAndroid() { };
        call(contract, methods(org.junit.jupiter.api.BeforeEach.class));
        try {
            call(contract, Collections.singletonList(LocalStoreContractTest.class.getDeclaredMethod(test)));
        } finally {
            call(contract, methods(org.junit.jupiter.api.AfterEach.class));
        }
    }

    private static List<Method> methods(Class<? extends Annotation> annotation) {
        List<Method> found = new ArrayList<>();
        for (Method m : LocalStoreContractTest.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(annotation)) {
                found.add(m);
            }
        }
        found.sort((a, b) -> a.getName().compareTo(b.getName()));
        return found;
    }

    private static void call(Object target, List<Method> methods) throws Throwable {
        for (Method m : methods) {
            m.setAccessible(true);
            try {
                m.invoke(target);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
