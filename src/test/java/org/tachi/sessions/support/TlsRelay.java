package org.tachi.sessions.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import javax.net.ssl.SSLServerSocket;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/**
 * A TLS front for a plain TCP server, as a managed Redis with TLS looks to a client: it accepts TLS on
 * loopback with the test certificate {@code classpath:tls/server.pem} (for {@code localhost} and
 * {@code 127.0.0.1}, signed by the test CA {@code classpath:tls/ca.pem}; both made with openssl for
 * these tests only) and relays the plain bytes to the target. jedis-mock speaks no TLS itself.
 */
public final class TlsRelay implements AutoCloseable {

    private final ServerSocket server;

    private final URI target;

    public TlsRelay(String targetUrl) {
        target = URI.create(targetUrl);
        SslBundle bundle = SslBundle.of(new PemSslStoreBundle(
                PemSslStoreDetails.forCertificate("classpath:tls/server.pem")
                        .withPrivateKey("classpath:tls/server.key"),
                null));
        try {
            SSLServerSocket socket = (SSLServerSocket) bundle.createSslContext()
                    .getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            server = socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket plain = new Socket(target.getHost(), target.getPort());
                daemon(() -> pipe(client, plain));
                daemon(() -> pipe(plain, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Copies until either side closes, then closes both. */
    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException closed) {
            // one side went away: the finally below ends the other
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "tls-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
