package io.kervan.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.kervan.search.Highlights.Part;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightsTests {

    @Test
    void marksAWordFoundThroughTurkishFoldingInTheTextAsShown() {
        assertThat(Highlights.parts("Nilüfer Şekerci", List.of("sekerci")))
                .containsExactly(new Part("Nilüfer ", false), new Part("Şekerci", true));
        assertThat(Highlights.parts("IŞIK İnşaat", List.of("isik", "insa")))
                .containsExactly(new Part("IŞIK", true), new Part(" ", false), new Part("İnşa", true),
                        new Part("at", false));
    }

    @Test
    void marksEveryOccurrenceAndMergesOverlaps() {
        assertThat(Highlights.parts("Kaya Kayalar", List.of("kaya", "ayal")))
                .containsExactly(new Part("Kaya", true), new Part(" ", false), new Part("Kayal", true),
                        new Part("ar", false));
    }

    @Test
    void leavesTextWithoutTheWordsAsOneRun() {
        assertThat(Highlights.parts("Ahmet Yılmaz", List.of("demir"))).containsExactly(new Part("Ahmet Yılmaz", false));
        assertThat(Highlights.parts("", List.of("x"))).isEmpty();
        assertThat(Highlights.parts(null, List.of("x"))).isEmpty();
        assertThat(Highlights.parts("<b>&", List.of("<b"))).containsExactly(new Part("<b", true), new Part(">&", false));
    }
}
