package io.bioalert.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server: the embedded binaries from Maven Central (no Docker needed), or any
 * server reached by JDBC URL (a Testcontainers container). Each service gets a database of its own.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final DataSource admin;
    private final Set<String> created = new HashSet<>();

    private PostgresServer(EmbeddedPostgres embedded, String host, int port, String user, String password,
            DataSource admin) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.admin = admin;
    }

    public static PostgresServer startEmbedded(int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            return new PostgresServer(pg, "localhost", pg.getPort(), "postgres", "postgres",
                    pg.getPostgresDatabase());
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
    }

    public static PostgresServer external(String host, int port, String user, String password, DataSource admin) {
        return new PostgresServer(null, host, port, user, password, admin);
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
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
