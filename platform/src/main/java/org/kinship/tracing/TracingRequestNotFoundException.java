package org.kinship.tracing;

/** No tracing request, potential match or profile with this id within the user's scope (answered as 404). */
public class TracingRequestNotFoundException extends RuntimeException {

    public TracingRequestNotFoundException(String id) {
        super("Not found: " + id);
    }
}
