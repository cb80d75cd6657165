package io.kervan.shared.imports;

/**
 * What became of one item of an import batch a module wrote: the record (its id and version after the write), or
 * the module's refusal of that item alone.
 */
public record BatchResult(ImportMatch written, RuntimeException refusal) {

    public static BatchResult written(ImportMatch match) {
        return new BatchResult(match, null);
    }

    public static BatchResult refused(RuntimeException refusal) {
        return new BatchResult(null, refusal);
    }
}
