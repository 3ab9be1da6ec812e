package dev.tagline.publish.store;

import dev.tagline.core.TaglineException;
import dev.tagline.core.config.TaglineHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The publish database: a SQLite file in {@code $TAGLINE_HOME} by default, or PostgreSQL through a JDBC URL for teams
 * and several workers. Opening migrates the schema with Flyway. Connections are kept in a small idle pool; the class
 * is thread-safe. All times are stored as epoch milliseconds (UTC), the zone beside them.
 */
public final class Database implements AutoCloseable {
    /** The SQLite file used when no URL is given. */
    public static final String DEFAULT_FILE = "publish.db";
    private static final int MAX_IDLE = 16;

    private final String url;
    private final Dialect dialect;
    private final Properties properties;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final Jdbc jdbc = new Jdbc(this);

    private Database(String url, Dialect dialect, Properties properties) {
        this.url = url;
        this.dialect = dialect;
        this.properties = properties;
    }

    /** The default URL: {@code jdbc:sqlite:$TAGLINE_HOME/publish.db}. */
    public static String defaultUrl(TaglineHome home) {
        return "jdbc:sqlite:" + home.dir().resolve(DEFAULT_FILE);
    }

    /** Opens {@code url} ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://…}) and migrates it. */
    public static Database open(String url) {
        Dialect dialect = Dialect.of(url);
        Properties props = new Properties();
        if (dialect == Dialect.SQLITE) {
            createParent(url);
            props.setProperty("foreign_keys", "true");
            props.setProperty("busy_timeout", "30000");
            props.setProperty("journal_mode", "WAL");
            props.setProperty("synchronous", "NORMAL");
            props.setProperty("transaction_mode", "IMMEDIATE");
        }
        Database db = new Database(url, dialect, props);
        db.migrate();
        return db;
    }

    private static void createParent(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        if (file.isBlank() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        try {
            Path parent = Path.of(file).toAbsolutePath().getParent();
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new TaglineException("Cannot create the folder of the publish database " + file + ": "
                    + e.getMessage(), "Check TAGLINE_HOME or give --db-url.", e);
        }
    }

    private void migrate() {
        try {
            org.flywaydb.core.api.configuration.FluentConfiguration config = Flyway.configure()
                    .dataSource(url, properties.getProperty("user"), properties.getProperty("password"))
                    .locations("classpath:db/publish/" + dialect.folder())
                    .table("publish_schema_history");
            org.flywaydb.core.api.MigrationInfo current = config.load().info().current();
            boolean fromBeforeCopyEdits = current != null && current.getVersion() != null
                    && current.getVersion().compareTo(MigrationVersion.fromVersion("5")) < 0;
            config.javaMigrations(new PreUpgradeCopyEdits(fromBeforeCopyEdits)).load().migrate();
        } catch (FlywayException e) {
            throw new TaglineException("Cannot migrate the publish database " + redacted() + ": " + e.getMessage(),
                    "Check the URL and that the server is running; a newer database than this build cannot be "
                            + "opened by it.", e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    /** The URL without credentials, for messages. */
    public String redacted() {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//[^/@]*@", "//***@");
    }

    Connection borrow() throws SQLException {
        Connection c = idle.pollFirst();
        while (c != null) {
            if (!c.isClosed()) {
                return c;
            }
            c = idle.pollFirst();
        }
        Connection fresh = DriverManager.getConnection(url, properties);
        fresh.setAutoCommit(true);
        return fresh;
    }

    void giveBack(Connection c, boolean broken) {
        try {
            if (broken || idle.size() >= MAX_IDLE) {
                c.close();
            } else {
                if (!c.getAutoCommit()) {
                    c.setAutoCommit(true);
                }
                idle.addFirst(c);
            }
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(Database.class)
                    .debug("dropping a connection that failed to reset; a fresh one will be opened", e);
        }
    }

    @Override
    public void close() {
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            try {
                c.close();
            } catch (SQLException e) {
                org.slf4j.LoggerFactory.getLogger(Database.class).debug("closing an idle connection failed", e);
            }
        }
    }

    /** The SQL dialects supported; they differ only in their migrations. */
    public enum Dialect {
        SQLITE("sqlite"), POSTGRESQL("postgresql");

        private final String folder;

        Dialect(String folder) {
            this.folder = folder;
        }

        String folder() {
            return folder;
        }

        static Dialect of(String url) {
            if (url.startsWith("jdbc:sqlite:")) {
                return SQLITE;
            }
            if (url.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            throw new TaglineException("Unsupported publish database URL " + url.replaceAll("password=[^&]*", "***"),
                    "Use jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB?user=…&password=….");
        }
    }
}
