package nl.welkom.meeting;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The gentle prompts of the family-friend programme ({@code welkom.programme.*}, docs/meetings.md).
 *
 * @param buddyPromptDays       a family friend sees a household with no meeting logged for this many days
 * @param coordinatorPromptDays the coordinator (officer) sees a match with no meeting for this many days
 */
@ConfigurationProperties("welkom.programme")
public record MeetingProperties(
        @Bindable(defaultValue = "21") int buddyPromptDays,
        @Bindable(defaultValue = "42") int coordinatorPromptDays) {
}
