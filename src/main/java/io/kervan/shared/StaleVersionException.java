package io.kervan.shared;

/** Someone changed the record since the caller read it (optimistic locking). HTTP 412 / a form message. */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(String recordType, Object id) {
        super(recordType + " " + id + " was changed by someone else");
    }
}
