package io.kervan.shared;

/** The caller may see the record but not change it. HTTP 403. */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String message) {
        super(message);
    }
}
