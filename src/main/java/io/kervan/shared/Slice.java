package io.kervan.shared;

import java.util.List;

/** One keyset page: the items and the opaque cursor of the next page ({@code null} on the last). */
public record Slice<T>(List<T> items, String nextCursor) {
}
