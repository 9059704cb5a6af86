package io.bioalert.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server: the embedded binaries from Maven Central (no Docker needed), or any
 * server reached by JDBC URL (a Testcontainers container). Each service gets a database of its own.
 *
 * <p>The embedded server keeps its data in a directory of its own, so that it can be stopped and started
 * again on the same port with its data: what a database outage looks like to the services.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path dataDirectory;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final DataSource admin;
    private final Set<String> created = new HashSet<>();
    /** The running embedded server; null while stopped, and always for an external one. */
    private EmbeddedPostgres embedded;

    private PostgresServer(EmbeddedPostgres embedded, Path dataDirectory, String host, int port, String user,
            String password, DataSource admin) {
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.admin = admin;
    }

    public static PostgresServer startEmbedded(int port) {
        try {
            Path data = Files.createTempDirectory("bioalert-pg-");
            EmbeddedPostgres pg = embedded(data, port);
            return new PostgresServer(pg, data, "localhost", pg.getPort(), "postgres", "postgres",
                    pg.getPostgresDatabase());
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
    }

    /** Initialises the directory on first use, then starts the server on it; port 0 picks a free one. */
    private static EmbeddedPostgres embedded(Path data, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                // Our owners close it (and delete the directory) from their own shutdown hooks; a second
                // hook of the library's would race them for the directory.
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    public static PostgresServer external(String host, int port, String user, String password, DataSource admin) {
        return new PostgresServer(null, null, host, port, user, password, admin);
    }

    /** Whether {@link #stop()} and {@link #start()} can take this server down and up (the embedded one). */
    public boolean canStop() {
        return dataDirectory != null;
    }

    /** Stops the server (fast shutdown: open connections are cut), keeping its data for {@link #start()}. */
    public synchronized void stop() {
        requireStoppable();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not stop", e);
            }
            embedded = null;
        }
    }

    /** Starts a stopped server again on the same port, with the data it had. */
    public synchronized void start() {
        requireStoppable();
        if (embedded == null) {
            try {
                embedded = embedded(dataDirectory, port);
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not start again", e);
            }
        }
    }

    private void requireStoppable() {
        if (!canStop()) {
            throw new UnsupportedOperationException("only the embedded PostgreSQL can be stopped and started");
        }
    }

    /** Creates the database once; later calls for the same name are no-ops. */
    public synchronized String jdbcUrl(String database) {
        if (created.add(database)) {
            try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
                var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "") + "'");
                if (!rs.next()) {
                    s.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not create database " + database, e);
            }
        }
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() throws IOException {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
        if (dataDirectory != null) {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
