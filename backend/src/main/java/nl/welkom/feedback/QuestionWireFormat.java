package nl.welkom.feedback;

import io.micronaut.serde.annotation.SerdeImport;
import nl.welkom.model.feedback.Question;

/** Serialization of the shared-model question (STACK.md, pitfall 6: {@code @SerdeImport} on its own class). */
@SerdeImport(Question.class)
final class QuestionWireFormat {
    private QuestionWireFormat() {
    }
}
