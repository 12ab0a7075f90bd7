package nl.welkom.course;

import io.micronaut.serde.annotation.SerdeImport;
import nl.welkom.model.course.Certificate;
import nl.welkom.model.course.Course;
import nl.welkom.model.course.CourseLesson;
import nl.welkom.model.course.CourseProgress;
import nl.welkom.model.course.MemberProgress;
import nl.welkom.model.course.QuizQuestion;
import nl.welkom.model.phrasebook.Phrase;
import nl.welkom.model.phrasebook.PhraseCategory;
import nl.welkom.model.phrasebook.Phrasebook;

/** Serde for the course and phrasebook wire types, on its own class (STACK.md pitfall 6). */
@SerdeImport(Course.class)
@SerdeImport(CourseLesson.class)
@SerdeImport(QuizQuestion.class)
@SerdeImport(CourseProgress.class)
@SerdeImport(MemberProgress.class)
@SerdeImport(Certificate.class)
@SerdeImport(Phrasebook.class)
@SerdeImport(PhraseCategory.class)
@SerdeImport(Phrase.class)
final class CourseWireFormat {
    private CourseWireFormat() {
    }
}
