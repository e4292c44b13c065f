package org.tachi.sessions.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Redis every Redis-backed test uses speaks the protocol on the URL it hands out. */
class TestRedisTest {

    @Test
    void redisBackendStoresAndReturnsAString() throws Exception {
        URI url = URI.create(TestRedis.url());
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(5_000);
            assertThat(send(socket, "*3\r\n$3\r\nSET\r\n$5\r\nprobe\r\n$5\r\nvalue\r\n", 5))
                    .isEqualTo("+OK\r\n");
            assertThat(send(socket, "*2\r\n$3\r\nGET\r\n$5\r\nprobe\r\n", 11)).isEqualTo("$5\r\nvalue\r\n");
        }
    }

    private static String send(Socket socket, String command, int replyLength) throws IOException {
        socket.getOutputStream().write(command.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        return new String(in.readNBytes(replyLength), StandardCharsets.US_ASCII);
    }
}
