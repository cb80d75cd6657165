package io.kervan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressesTests {

    @Test
    void storesAValidAddressLowerCasedAndStripped() {
        assertThat(EmailAddresses.normalize("  Ayse.Yilmaz@Example.COM ")).contains("ayse.yilmaz@example.com");
    }

    @Test
    void refusesWhatIsNotAnAddress() {
        assertThat(EmailAddresses.normalize("ayse@localhost")).isEmpty();
        assertThat(EmailAddresses.normalize("ayse yilmaz@example.com")).isEmpty();
        assertThat(EmailAddresses.normalize("<ayse@example.com>")).isEmpty();
        assertThat(EmailAddresses.normalize("")).isEmpty();
        assertThat(EmailAddresses.normalize(null)).isEmpty();
        assertThat(EmailAddresses.normalize("a".repeat(250) + "@example.com")).isEmpty();
    }

    /** Recent answers are remembered; asking again, or with the stored form, gives the same answer. */
    @Test
    void answersTheSameWhenAskedAgain() {
        for (int round = 0; round < 3; round++) {
            assertThat(EmailAddresses.normalize("Mehmet@Firma.com.tr")).contains("mehmet@firma.com.tr");
            assertThat(EmailAddresses.normalize("mehmet@firma.com.tr")).contains("mehmet@firma.com.tr");
            assertThat(EmailAddresses.normalize("mehmet@")).isEmpty();
        }
        for (int i = 0; i < 10_000; i++) {
            assertThat(EmailAddresses.normalize("Kisi" + i + "@Example.com")).contains("kisi" + i + "@example.com");
        }
    }

    /** A long value padded with spaces is still read as the address inside it, without being remembered. */
    @Test
    void readsAnAddressInsideLongPadding() {
        assertThat(EmailAddresses.normalize(" ".repeat(1_000) + "Can@Example.com")).contains("can@example.com");
    }
}
