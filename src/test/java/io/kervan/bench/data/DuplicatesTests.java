package io.kervan.bench.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.kervan.shared.PhoneNumbers;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DuplicatesTests {

    private final Contacts.Seed original = new Contacts.Seed(UUID.randomUUID(), "Çağlar", "Yıldırım",
            List.of("caglar.yildirim@gmail.com"), List.of("+905321234567"), 3, "CEO", "İzmir", "Türkiye");

    @Test
    void everyKindChangesOneThingThatStillPointsToTheOriginal() {
        Duplicates duplicates = new Duplicates(new Random(7));
        Set<String> kinds = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Duplicates.Planted planted = duplicates.plant(UUID.randomUUID(), original);
            Contacts.Seed copy = planted.seed();
            kinds.add(planted.kind());
            assertThat(copy.companyIndex()).isEqualTo(original.companyIndex());
            switch (planted.kind()) {
                case "TYPO" -> {
                    assertThat(copy.firstName()).isEqualTo("Çağlar");
                    assertThat(copy.lastName()).isNotEqualTo("Yıldırım").startsWith("Y");
                    assertThat(Math.abs(copy.lastName().length() - "Yıldırım".length())).isLessThanOrEqualTo(1);
                }
                case "SWAPPED_NAMES" -> {
                    assertThat(copy.firstName()).isEqualTo("Yıldırım");
                    assertThat(copy.lastName()).isEqualTo("Çağlar");
                }
                case "REFORMATTED_PHONE" -> {
                    assertThat(copy.phones().get(0)).isNotEqualTo("+905321234567");
                    assertThat(PhoneNumbers.toE164(copy.phones().get(0))).contains("+905321234567");
                }
                case "SAME_EMAIL" -> {
                    assertThat(copy.emails()).containsExactly("caglar.yildirim@gmail.com");
                    assertThat(copy.firstName()).isEqualTo("Caglar");
                }
                default -> throw new AssertionError(planted.kind());
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder("TYPO", "SWAPPED_NAMES", "REFORMATTED_PHONE", "SAME_EMAIL");
    }
}
