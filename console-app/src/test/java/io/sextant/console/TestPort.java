package io.sextant.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** One free port per test JVM, chosen before the console starts, so issuer and redirect URLs are known. */
public final class TestPort {

    public static final int PORT = pick();

    private TestPort() {
    }

    private static int pick() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String console() {
        return "http://localhost:" + PORT;
    }

    public static String issuer() {
        return "http://127.0.0.1:" + PORT;
    }
}
