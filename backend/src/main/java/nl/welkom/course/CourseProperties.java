package nl.welkom.course;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param location the course file ({@code classpath:} or {@code file:}); no file means no course
 */
@ConfigurationProperties("welkom.course")
record CourseProperties(@Bindable(defaultValue = "classpath:content/course/pre-departure.yaml") String location) {
}
