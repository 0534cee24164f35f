package org.kohsuke.stapler;

public class HttpResponses {
    public static HttpResponseException notFound() {
        throw new UnsupportedOperationException();
    }

    public static HttpResponseException errorWithoutStack(final int code, final String errorMessage) {
        throw new UnsupportedOperationException();
    }

    public static HttpResponse redirectToDot() {
        throw new UnsupportedOperationException();
    }

    public abstract static class HttpResponseException extends RuntimeException implements HttpResponse {}
}
