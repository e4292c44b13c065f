import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slow-header flood against a running service (docs/security.md): opens CONNECTIONS partial requests
 * that each trickle one header line every INTERVAL seconds, and meanwhile sends one normal GET per
 * second on a fresh connection, counting those answered within 5 s.
 *
 * <pre>java scripts/SlowHeaders.java PORT [CONNECTIONS=8500] [INTERVAL_S=10] [DURATION_S=60]</pre>
 */
public class SlowHeaders {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 8500;
        int interval = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int duration = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        List<Socket> open = new CopyOnWriteArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService openers = Executors.newFixedThreadPool(32);
        for (int i = 0; i < connections; i++) {
            openers.execute(() -> {
                try {
                    Socket socket = new Socket();
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                    socket.getOutputStream()
                            .write("GET /api/v1/sessions/slow HTTP/1.1\r\nHost: localhost\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                    open.add(socket);
                } catch (IOException e) {
                    refused.incrementAndGet();
                }
            });
        }
        Thread trickler = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(interval * 1000L);
                    for (Socket socket : open) {
                        try {
                            socket.getOutputStream().write("X-Trickle: 1\r\n".getBytes(StandardCharsets.US_ASCII));
                        } catch (IOException closedByServer) {
                            open.remove(socket);
                        }
                    }
                }
            } catch (InterruptedException stop) {
                // done
            }
        });
        trickler.setDaemon(true);
        trickler.start();

        long start = System.nanoTime();
        int served = 0;
        int sent = 0;
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(duration)) {
            long probe = System.nanoTime();
            sent++;
            if (normalGet(port)) {
                served++;
            }
            long left = 1000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - probe);
            if (left > 0) {
                Thread.sleep(left);
            }
        }
        trickler.interrupt();
        openers.shutdownNow();
        System.out.printf(
                "slow connections: %d asked, %d opened (%d failed to connect), %d still held by the server at the end;"
                        + " normal GETs answered within 5 s: %d/%d%n",
                connections, connections - refused.get(), refused.get(), stillOpen(open), served, sent);
        for (Socket socket : open) {
            socket.close();
        }
    }

    private static boolean normalGet(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(5_000);
            socket.getOutputStream()
                    .write("GET /actuator/health/liveness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
        } catch (IOException timedOut) {
            return false;
        }
    }

    private static int stillOpen(List<Socket> open) {
        int count = 0;
        for (Socket socket : open) {
            try {
                socket.getOutputStream().write("X-Last: 1\r\n".getBytes(StandardCharsets.US_ASCII));
                count++;
            } catch (IOException closed) {
                // closed by the server
            }
        }
        return count;
    }
}
