package dev.tagline.publish.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster for tests: {@code initdb} into a temporary folder and {@code pg_ctl start} on a free
 * port, once per JVM; each caller gets a fresh database. Uses Debian's server binaries
 * ({@code /usr/lib/postgresql/N/bin}, package {@code postgresql}); as root it runs them as user {@code postgres},
 * because initdb refuses root. Without the binaries the calling test is skipped with an install hint.
 */
public final class TempPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile TempPostgres instance;
    private final int port;

    private TempPostgres(int port) {
        this.port = port;
    }

    /** A JDBC URL to a new, empty database; skips the test when PostgreSQL is not installed. */
    public static String newDatabaseUrl() {
        TempPostgres pg = get();
        String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(pg.url("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return pg.url(name);
    }

    private String url(String db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db + "?user=tagline";
    }

    private static synchronized TempPostgres get() {
        if (instance == null) {
            Optional<Path> bin = binDir();
            Assumptions.assumeTrue(bin.isPresent(), "PostgreSQL server binaries not found under /usr/lib/postgresql:"
                    + " install Debian's 'postgresql' package (apt-get install -y postgresql) to run this test");
            instance = start(bin.get());
        }
        return instance;
    }

    static Optional<Path> binDir() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> b.getParent().getFileName().toString(),
                            Comparator.comparingInt(s -> s.matches("\\d+") ? Integer.parseInt(s) : 0)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static TempPostgres start(Path bin) {
        try {
            Path dir = Files.createTempDirectory("tagline-pg");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path data = dir.resolve("data");
            int port = freePort();
            run(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "tagline", "-E", "UTF8",
                    "--no-sync", "--no-instructions");
            run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(), "-w",
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c max_connections=200", "start");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop");
                    deleteTree(dir);
                } catch (IOException e) {
                    System.err.println("could not stop the test PostgreSQL in " + dir + ": " + e);
                }
            }));
            return new TempPostgres(port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a temporary PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static void run(String... command) throws IOException {
        List<String> cmd = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + cmd, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
