package io.bioalert.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A stopped embedded server refuses connections; started again, it has its data and its port. */
class PostgresServerTest {

    @Test
    void stopsAndStartsAgainWithItsData() throws Exception {
        try (PostgresServer pg = PostgresServer.startEmbedded(0)) {
            String url = pg.jdbcUrl("outage");
            try (Connection c = connect(pg, url); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v TEXT)");
                s.execute("INSERT INTO kept VALUES ('before the outage')");
            }

            pg.stop();
            assertThatThrownBy(() -> connect(pg, url).close()).isInstanceOf(SQLException.class);

            pg.start();
            try (Connection c = connect(pg, url); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("before the outage");
            }
        }
    }

    private static Connection connect(PostgresServer pg, String url) throws SQLException {
        return DriverManager.getConnection(url, pg.user(), pg.password());
    }
}
