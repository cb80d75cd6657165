package io.kervan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OwnerRangesTests {

    static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    @Test
    void anOwnerSeenInFullIsNotWalkedAgainForTheTeamsRecords() {
        OwnerRanges ranges = OwnerRanges.of(Set.of(B), Set.of(A, B));
        assertThat(ranges.full()).containsExactly(B);
        assertThat(ranges.teamOnly()).containsExactly(A);
        assertThat(ranges.size()).isEqualTo(2);
    }

    @Test
    void theSameOwnersGiveTheSameOrderWhateverTheSetsIterationOrder() {
        assertThat(OwnerRanges.of(Set.of(C, A, B), Set.of()).full()).containsExactly(A, B, C);
        assertThat(OwnerRanges.of(List.of(C, B), List.of()).full()).containsExactly(B, C);
    }

    @Test
    void aListFilteredToOneOwnerWalksThatOwnersRangeAlone() {
        OwnerRanges ranges = OwnerRanges.of(Set.of(A), Set.of(B));
        assertThat(OwnerRanges.narrowed(ranges, A)).isEqualTo(new OwnerRanges(List.of(A), List.of()));
        assertThat(OwnerRanges.narrowed(ranges, B)).isEqualTo(new OwnerRanges(List.of(), List.of(B)));
        assertThat(OwnerRanges.narrowed(ranges, C).size()).isZero();
        assertThat(OwnerRanges.narrowed(ranges, null)).isSameAs(ranges);
        assertThat(OwnerRanges.narrowed(null, A)).isNull();
    }
}
