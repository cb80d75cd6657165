package io.kervan.shared;

/** The record does not exist or the caller may not see it (the two are indistinguishable on purpose). */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String recordType, Object id) {
        super(recordType + " " + id + " not found");
    }
}
