package io.kervan.shared;

import io.kervan.shared.api.JsonMergePatch;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonMergePatchTests {

    record Input(String name, Integer size, List<String> tags) {
    }

    final JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void changesOnlyTheGivenMembersAndNullRemovesOne() {
        Input merged = JsonMergePatch.apply(mapper, new Input("a", 1, List.of("x")),
                mapper.readTree("{\"size\": 2, \"tags\": null}"), Input.class);
        assertThat(merged).isEqualTo(new Input("a", 2, null));
    }

    @Test
    void reportsEveryUnknownMemberAndWrongTypeAtOnce() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> JsonMergePatch.apply(mapper,
                new Input("a", 1, List.of()), mapper.readTree("{\"size\": \"big\", \"colour\": 1, \"tags\": [[1]]}"),
                Input.class));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("size", "colour", "tags");
    }

    @Test
    void refusesAPatchThatIsNotAnObject() {
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> JsonMergePatch.apply(mapper,
                new Input("a", 1, List.of()), mapper.readTree("[1]"), Input.class))).isNotNull();
    }
}
