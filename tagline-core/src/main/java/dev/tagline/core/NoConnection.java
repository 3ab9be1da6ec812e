package dev.tagline.core;

import java.io.IOException;

/**
 * Whether a failed HTTP call never connected: refused, a host name that does not resolve, or a timeout while
 * connecting. Nothing was sent then, so the server cannot have acted on the request (a publish may be tried again
 * without posting twice), and the cause is the network or the address, not the transfer (a model download need not be
 * tried five times). Anything later (a reset, a read timeout, a TLS failure) may come after the server took the
 * request.
 */
public final class NoConnection {
    private NoConnection() {
    }

    public static boolean of(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.nio.channels.UnresolvedAddressException
                    || t instanceof java.net.http.HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
