package io.kervan.shared.api;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The responses of the record APIs: the record's version always travels as its ETag. */
public final class ApiResponses {

    private ApiResponses() {
    }

    public static <T> ResponseEntity<T> ok(long version, T body) {
        return ResponseEntity.ok().eTag(ETags.of(version)).body(body);
    }

    public static <T> ResponseEntity<T> created(String location, long version, T body) {
        return ResponseEntity.created(URI.create(location)).eTag(ETags.of(version)).body(body);
    }

    /** An upsert's answer: 201 when it created the record, 200 when it updated it. */
    public static <T> ResponseEntity<T> upserted(boolean created, String location, long version, T body) {
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).location(URI.create(location))
                .eTag(ETags.of(version)).body(body);
    }
}
