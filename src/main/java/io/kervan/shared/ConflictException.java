package io.kervan.shared;

/** The request conflicts with the stored state (duplicate key, reused idempotency key). HTTP 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
