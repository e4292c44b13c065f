package org.tachi.sessions.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The benchmark of issue 9, run by {@code scripts/benchmark.sh} (how to read it: docs/benchmark.md).
 * Three JVMs besides this load client: the database ({@link BenchmarkDatabase}), the service (the
 * packaged jar against it) and the floor ({@link BenchmarkFloor}). Every run is measured on the
 * service and on the floor, interleaved; CPU comes from {@code /proc/<pid>/stat} of each process,
 * allocation (per-thread counters), heap and GC time over JMX.
 *
 * <p>Modes: {@code cpu} (default): GETs of 1, 50, 200, 1,000 scores at 1 and 32 connections, 10,000 at 1
 * and 8, PATCH at 32. {@code memory}: a 10,000-score session to 8 clients under {@code -Xmx256m}, one GET of
 * a 50,000-score session under {@code -Xmx256m}, then 20 concurrent ones under {@code -Xmx512m} while a
 * 1-score session keeps being fetched.
 */
public final class SessionBenchmark {

    static final String PATCHED_NAME = "Benchmark patch";

    private static final String PATCH_BODY = "{\"name\":\"" + PATCHED_NAME + "\"}";

    private static final long CLOCK_TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux

    private static final Path OUT = Path.of("target/benchmark");

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .executor(java.util.concurrent.Executors.newCachedThreadPool(daemon()))
            .build();

    private static final List<Process> STARTED = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "cpu";
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "8"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly)));
        Files.createDirectories(OUT.resolve("bodies"));
        System.out.println("load: " + loadAverage());
        Child db = startDatabase("memory".equals(mode));
        try {
            if ("memory".equals(mode)) {
                memory(db, seconds);
            } else {
                cpu(db, seconds);
            }
        } finally {
            STARTED.forEach(Process::destroyForcibly);
        }
        System.out.println("load: " + loadAverage());
    }

    private static void cpu(Child db, double seconds) throws Exception {
        String heap = System.getProperty("bench.heap", "-Xmx512m");
        Target service = startService(db.uri, heap);
        for (int size : BenchmarkDatabase.SIZES) {
            capture(service, "Qb" + size);
        }
        HttpResponse<byte[]> patched = send(service.patch("Qpatch"));
        Files.write(OUT.resolve("bodies/patch.json"), patched.body());
        Target floor = startFloor(db.uri, heap);
        for (Target target : List.of(service, floor)) {
            warmUp(target, seconds);
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (int size : new int[] {1, 50, 200, 1_000}) {
            scenarios.add(new Scenario("GET " + size + " scores", "Qb" + size, false, 1));
            scenarios.add(new Scenario("GET " + size + " scores", "Qb" + size, false, 32));
        }
        scenarios.add(new Scenario("GET 10,000 scores", "Qb10000", false, 1));
        scenarios.add(new Scenario("GET 10,000 scores", "Qb10000", false, 8));
        scenarios.add(new Scenario("PATCH", "Qpatch", true, 32));
        System.out.println();
        System.out.println("| run | conns | target | req/s | p50 ms | p99 ms | own CPU ms/req | DB CPU ms/req"
                + " | alloc KB/req | body KB | heap peak MB | GC % | own CPU vs floor | alloc vs body |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        String only = System.getProperty("bench.only", "");
        for (Scenario scenario : scenarios) {
            if (!only.isBlank()
                    && !List.of(only.split(",")).contains(scenario.sessionID + "@" + scenario.connections)) {
                continue;
            }
            int bodyBytes = Files.readAllBytes(OUT.resolve(
                            scenario.patch ? "bodies/patch.json" : "bodies/" + scenario.sessionID + ".json"))
                    .length;
            Result s = measure(service, db, scenario, seconds);
            Result f = measure(floor, db, scenario, seconds);
            System.out.println(s.row(scenario, "service", bodyBytes, f));
            System.out.println(f.row(scenario, "floor", bodyBytes, null));
        }
    }

    private static void memory(Child db, double seconds) throws Exception {
        Target small = startService(db.uri, "-Xmx256m");
        System.out.println("| run | target | requests | statuses | p50 ms | p99 ms | heap peak MB | GC % |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        Result tenK = measure(small, db, new Scenario("GET 10,000 scores", "Qb10000", false, 8), seconds);
        System.out.println(tenK.memoryRow("10,000 scores, 8 clients, -Xmx256m"));
        Result huge = measure(small, db, new Scenario("GET 50,000", "Qb50000", false, 1), 0);
        System.out.println(huge.memoryRow("50,000 scores, 1 client, -Xmx256m"));
        System.out.println("alive after: " + alive(small));
        small.process.destroyForcibly().waitFor();
        Target big = startService(db.uri, "-Xmx512m");
        AtomicBoolean running = new AtomicBoolean(true);
        List<Long> smallLatencies = new ArrayList<>();
        Map<Integer, LongAdder> smallStatuses = new ConcurrentHashMap<>();
        Thread prober = new Thread(() -> {
            while (running.get()) {
                long start = System.nanoTime();
                int status = statusOf(big.get("Qb1"));
                smallStatuses.computeIfAbsent(status, k -> new LongAdder()).increment();
                synchronized (smallLatencies) {
                    smallLatencies.add(System.nanoTime() - start);
                }
            }
        });
        prober.start();
        Result twenty = measure(big, db, new Scenario("GET 50,000", "Qb50000", false, 20), 0);
        running.set(false);
        prober.join();
        System.out.println(twenty.memoryRow("50,000 scores, 20 clients at once, -Xmx512m"));
        long[] sorted =
                smallLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                "| meanwhile: 1-score GETs | service | %d | %s | %.1f | %.1f | | |%n",
                sorted.length, smallStatuses, percentile(sorted, 50), percentile(sorted, 99));
        System.out.println("alive after: " + alive(big));
    }

    /** Lets the JIT compile the hot paths before anything is measured: small sessions and PATCHes. */
    private static void warmUp(Target target, double seconds) throws InterruptedException {
        for (String sessionID : List.of("Qb1", "Qb50", "Qb200")) {
            load(target, new Scenario("warm-up", sessionID, false, 2), seconds, 1);
        }
        load(target, new Scenario("warm-up", "Qpatch", true, 2), seconds, 1);
    }

    private static int statusOf(HttpRequest request) {
        try {
            return HTTP.send(request, BodyHandlers.discarding()).statusCode();
        } catch (IOException failure) {
            return -1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return -2;
        }
    }

    private static String alive(Target target) {
        return target.process.isAlive()
                ? "process alive, 1-score GET answers " + statusOf(target.get("Qb1"))
                : "process exited " + target.process.exitValue();
    }

    /**
     * Warm-up, then {@code seconds} of {@code connections} clients in a closed loop (at least 10
     * requests in all; {@code seconds} 0: each client sends exactly one request, all at once).
     */
    private static Result measure(Target target, Child db, Scenario scenario, double seconds) throws Exception {
        boolean once = seconds == 0;
        if (!once) {
            load(target, scenario, Math.max(2, seconds / 4), 1);
        }
        System.gc();
        long ownBefore = cpuNanos(target.process.pid());
        long dbBefore = cpuNanos(db.process.pid());
        long allocBefore = target.allocatedBytes();
        long gcBefore = target.gcMillis();
        AtomicLong heapPeak = new AtomicLong();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                heapPeak.accumulateAndGet(target.heapUsed(), Math::max);
                sleep(50);
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        Load load = once
                ? load(target, scenario, 0, 1)
                : load(target, scenario, seconds, (9 + scenario.connections) / scenario.connections);
        long wall = System.nanoTime() - start;
        sampling.set(false);
        sampler.join();
        long requests = load.latencies.length;
        return new Result(
                requests,
                requests * 1e9 / wall,
                percentile(load.latencies, 50),
                percentile(load.latencies, 99),
                (cpuNanos(target.process.pid()) - ownBefore) / 1e6 / requests,
                (cpuNanos(db.process.pid()) - dbBefore) / 1e6 / requests,
                (target.allocatedBytes() - allocBefore) / 1024.0 / requests,
                heapPeak.get() / 1024.0 / 1024.0,
                100.0 * (target.gcMillis() - gcBefore) / (wall / 1e6),
                load.statuses);
    }

    private static Load load(Target target, Scenario scenario, double seconds, int minimumRequests)
            throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Long> latencies = new ArrayList<>();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(scenario.connections);
        for (int c = 0; c < scenario.connections; c++) {
            Thread client = new Thread(() -> {
                try {
                    List<Long> mine = new ArrayList<>();
                    while (mine.size() < minimumRequests || System.nanoTime() < deadline) {
                        HttpRequest request =
                                scenario.patch ? target.patch(scenario.sessionID) : target.get(scenario.sessionID);
                        long start = System.nanoTime();
                        int status;
                        try {
                            HttpResponse<byte[]> response = HTTP.send(request, BodyHandlers.ofByteArray());
                            status = response.statusCode();
                        } catch (IOException failure) {
                            status = -1;
                        }
                        mine.add(System.nanoTime() - start);
                        statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
                        if (minimumRequests == 1 && seconds == 0) {
                            break;
                        }
                    }
                    synchronized (latencies) {
                        latencies.addAll(mine);
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            client.setDaemon(true);
            client.start();
        }
        done.await();
        return new Load(latencies.stream().mapToLong(Long::longValue).sorted().toArray(), statuses);
    }

    private static void capture(Target service, String sessionID) throws Exception {
        HttpResponse<byte[]> response = send(service.get(sessionID));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(sessionID + " answered " + response.statusCode());
        }
        Files.write(OUT.resolve("bodies/" + sessionID + ".json"), response.body());
    }

    private static HttpResponse<byte[]> send(HttpRequest request) throws Exception {
        return HTTP.send(request, BodyHandlers.ofByteArray());
    }

    private static Child startDatabase(boolean huge) throws Exception {
        List<String> command = java(System.getProperty("java.home") + "/bin/java", "-Xmx3g", freePort());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchmarkDatabase.class.getName()));
        if (huge) {
            command.add("--huge");
        }
        Child db = new Child(start(command, Map.of(), "database"));
        db.uri = awaitLine(db.process, "READY ").substring("READY ".length());
        return db;
    }

    private static Target startService(String uri, String heap) throws Exception {
        int port = freePort();
        int jmx = freePort();
        List<String> command =
                java(System.getProperty("bench.java", System.getProperty("java.home") + "/bin/java"), heap, jmx);
        String opts = System.getProperty("bench.jvm.opts", "");
        if (!opts.isBlank()) {
            command.addAll(List.of(opts.trim().split(" +")));
        }
        command.addAll(List.of(
                "-XX:+ExitOnOutOfMemoryError",
                "-jar",
                System.getProperty("bench.jar", "target/tachi-sessions.jar"),
                "--server.port=" + port,
                "--logging.level.root=WARN",
                "--tachi.mongodb.ensure-indexes=true",
                // the limiter stays in the measured path, but one client address must never see a 429
                "--tachi.rate-limit.requests=1000000000"));
        String extra = System.getProperty("bench.service.args", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.split(" ")));
        }
        Process process = start(command, Map.of("MONGODB_URI", uri), "service");
        Target target = new Target(process, port, jmx);
        awaitHttp(target);
        return target;
    }

    private static Target startFloor(String uri, String heap) throws Exception {
        int port = freePort();
        int jmx = freePort();
        List<String> command = java(System.getProperty("java.home") + "/bin/java", heap, jmx);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                BenchmarkFloor.class.getName(),
                uri,
                "" + port,
                OUT.resolve("bodies").toString()));
        Process process = start(command, Map.of(), "floor");
        Target target = new Target(process, port, jmx);
        awaitLine(process, "READY");
        return target;
    }

    private static List<String> java(String java, String heap, int jmxPort) {
        List<String> command = new ArrayList<>(List.of(
                java,
                heap,
                "-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false"));
        return command;
    }

    private static Process start(List<String> command, Map<String, String> env, String name) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(OUT.resolve(name + ".err").toFile())
                .redirectOutput(ProcessBuilder.Redirect.PIPE);
        builder.environment().remove("MONGODB_URI");
        builder.environment().putAll(env);
        Process process = builder.start();
        STARTED.add(process);
        return process;
    }

    private static String awaitLine(Process process, String prefix) throws IOException {
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe from filling
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return line;
            }
        }
        throw new IllegalStateException("process ended before printing " + prefix);
    }

    private static void awaitHttp(Target target) throws Exception {
        Thread drain = new Thread(() -> {
            try {
                target.process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // the process ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        for (int i = 0; i < 1200; i++) {
            if (!target.process.isAlive()) {
                throw new IllegalStateException("service exited; see target/benchmark/service.err");
            }
            try {
                if (HTTP.send(target.get("Qb1"), BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("service did not answer");
    }

    /** utime + stime of a process, from /proc/<pid>/stat. */
    private static long cpuNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * CLOCK_TICK_NANOS;
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        };
    }

    record Scenario(String name, String sessionID, boolean patch, int connections) {}

    record Load(long[] latencies, Map<Integer, LongAdder> statuses) {}

    record Result(
            long requests,
            double perSecond,
            double p50,
            double p99,
            double ownCpuMs,
            double dbCpuMs,
            double allocKb,
            double heapPeakMb,
            double gcPercent,
            Map<Integer, LongAdder> statuses) {

        String row(Scenario scenario, String target, int bodyBytes, Result floor) {
            return String.format(
                            "| %s | %d | %s | %.1f | %.2f | %.2f | %.2f | %.2f | %.0f | %.1f | %.0f | %.1f | %s | %s |",
                            scenario.name,
                            scenario.connections,
                            target,
                            perSecond,
                            p50,
                            p99,
                            ownCpuMs,
                            dbCpuMs,
                            allocKb,
                            bodyBytes / 1024.0,
                            heapPeakMb,
                            gcPercent,
                            floor == null ? "" : String.format("%.2f×", ownCpuMs / floor.ownCpuMs),
                            String.format("%.1f×", allocKb * 1024 / bodyBytes))
                    + (statuses.keySet().equals(java.util.Set.of(200)) ? "" : " statuses " + statuses);
        }

        String memoryRow(String label) {
            return String.format(
                    "| %s | service | %d | %s | %.1f | %.1f | %.0f | %.1f |",
                    label, requests, statuses, p50, p99, heapPeakMb, gcPercent);
        }
    }

    static final class Child {
        final Process process;
        String uri;

        Child(Process process) {
            this.process = process;
        }
    }

    /** A process under load, with its JMX beans. */
    static final class Target {
        final Process process;
        final String base;
        final MBeanServerConnection jmx;
        final com.sun.management.ThreadMXBean threads;
        final MemoryMXBean memory;
        final List<GarbageCollectorMXBean> collectors = new ArrayList<>();

        Target(Process process, int port, int jmxPort) throws Exception {
            this.process = process;
            this.base = "http://127.0.0.1:" + port + "/api/v1/sessions/";
            JMXConnector connector = null;
            for (int i = 0; connector == null; i++) {
                try {
                    connector = JMXConnectorFactory.connect(
                            new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"));
                } catch (IOException notYet) {
                    if (i > 600 || !process.isAlive()) {
                        throw notYet;
                    }
                    Thread.sleep(100);
                }
            }
            jmx = connector.getMBeanServerConnection();
            threads = ManagementFactory.newPlatformMXBeanProxy(
                    jmx, ManagementFactory.THREAD_MXBEAN_NAME, com.sun.management.ThreadMXBean.class);
            memory = ManagementFactory.newPlatformMXBeanProxy(
                    jmx, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            for (ObjectName name : jmx.queryNames(
                    new ObjectName(ManagementFactory.GARBAGE_COLLECTOR_MXBEAN_DOMAIN_TYPE + ",*"), null)) {
                collectors.add(
                        ManagementFactory.newPlatformMXBeanProxy(jmx, name.toString(), GarbageCollectorMXBean.class));
            }
        }

        HttpRequest get(String sessionID) {
            return HttpRequest.newBuilder(URI.create(base + sessionID))
                    .timeout(Duration.ofSeconds(120))
                    .build();
        }

        HttpRequest patch(String sessionID) {
            return HttpRequest.newBuilder(URI.create(base + sessionID))
                    .timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + BenchmarkDatabase.TOKEN)
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(PATCH_BODY))
                    .build();
        }

        /**
         * Bytes allocated by all threads: on a Java 21+ target its own total (ended threads included),
         * else the sum over live threads (which loses the threads that end during a run).
         */
        long allocatedBytes() {
            try {
                return (Long) jmx.getAttribute(
                        new ObjectName(ManagementFactory.THREAD_MXBEAN_NAME), "TotalThreadAllocatedBytes");
            } catch (Exception olderThan21) {
                // fall through
            }
            long total = 0;
            for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
                total += Math.max(0, bytes);
            }
            return total;
        }

        long gcMillis() {
            return collectors.stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                    .sum();
        }

        long heapUsed() {
            try {
                return memory.getHeapMemoryUsage().getUsed();
            } catch (RuntimeException gone) {
                return 0;
            }
        }
    }

    private SessionBenchmark() {}
}
