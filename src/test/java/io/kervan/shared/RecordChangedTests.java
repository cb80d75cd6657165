package io.kervan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.kervan.shared.RecordChanged.FieldChange;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordChangedTests {

    private static final UUID ACTOR = UUID.fromString("00000000-0000-7000-8000-0000000000a1");
    private static final UUID COLLEAGUE = UUID.fromString("00000000-0000-7000-8000-0000000000b2");

    @Test
    void aFieldsNewValueIsWhatTheChangeGaveIt() {
        RecordChanged change = change(ACTOR, new FieldChange("city", "Ankara", "İzmir"),
                new FieldChange("title", "Müdür", null));

        assertThat(change.newValue("city")).isEqualTo("İzmir");
        assertThat(change.newValue("title")).isNull();
        assertThat(change.newValue("lastName")).isNull();
        assertThat(change(ACTOR).newValue("city")).isNull();
    }

    @Test
    void theAssigneeIsANewOwnerOtherThanThePersonMakingTheChange() {
        assertThat(change(ACTOR, new FieldChange("ownerId", ACTOR.toString(), COLLEAGUE.toString())).assignee())
                .isEqualTo(COLLEAGUE);
        assertThat(change(null, new FieldChange("ownerId", null, COLLEAGUE.toString())).assignee())
                .as("a change by the system, an import's for instance").isEqualTo(COLLEAGUE);
        assertThat(change(ACTOR, new FieldChange("ownerId", COLLEAGUE.toString(), ACTOR.toString())).assignee())
                .as("taking a record oneself").isNull();
        assertThat(change(ACTOR, new FieldChange("city", "Ankara", "İzmir")).assignee()).isNull();
    }

    private static RecordChanged change(UUID actor, FieldChange... changes) {
        return new RecordChanged(Ids.newId(), "contact", Ids.newId(), RecordChanged.Action.UPDATED, actor,
                java.time.Instant.now(), List.of(changes));
    }
}
