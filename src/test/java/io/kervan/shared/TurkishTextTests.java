package io.kervan.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TurkishTextTests {

    @Test
    void foldsTurkishCapitalsWithTurkishRules() {
        assertThat(TurkishText.fold("İSTANBUL")).isEqualTo("istanbul");
        assertThat(TurkishText.fold("ISPARTA")).isEqualTo("isparta");
        assertThat(TurkishText.fold("Işık")).isEqualTo("isik");
    }

    @Test
    void removesTurkishAndOtherDiacritics() {
        assertThat(TurkishText.fold("Şekerci Çağdaş Gıda Ürünleri Öztürk")).isEqualTo("sekerci cagdas gida urunleri ozturk");
        assertThat(TurkishText.fold("Crème Brûlée")).isEqualTo("creme brulee");
    }

    @Test
    void collapsesWhitespace() {
        assertThat(TurkishText.fold("  Ahmet \t  Yılmaz ")).isEqualTo("ahmet yilmaz");
    }

    @Test
    void sortKeysFollowTheTurkishAlphabet() {
        List<String> names = new ArrayList<>(List.of("Zeynep", "Çağla", "Ceren", "Ümit", "Uğur", "İpek", "Işıl", "Hande",
                "Şule", "Selin", "Özge", "Oya", "Ğ", "Gül"));
        names.sort(Comparator.comparing(TurkishText::sortKey));
        assertThat(names).containsExactly("Ceren", "Çağla", "Gül", "Ğ", "Hande", "Işıl", "İpek", "Oya", "Özge", "Selin",
                "Şule", "Uğur", "Ümit", "Zeynep");
    }
}
