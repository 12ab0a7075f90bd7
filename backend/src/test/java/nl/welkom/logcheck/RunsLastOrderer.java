package nl.welkom.logcheck;

import java.util.Comparator;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * JUnit's default class order, with the classes marked {@link RunsLast} moved to the end (a stable
 * sort: everything else keeps its place). Configured in {@code junit-platform.properties}.
 */
public final class RunsLastOrderer implements ClassOrderer {
    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(
                descriptor -> descriptor.isAnnotated(RunsLast.class)));
    }
}
