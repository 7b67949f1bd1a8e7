package org.pinpointcds.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The two databases Pinpoint runs on, migrated by the application's Flyway scripts: H2 (in memory) and a real
 * PostgreSQL 14 (embedded, started once per test run). Repository tests run once against each.
 */
public enum TestDatabase {
  H2 {
    @Override
    DataSource start() {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:repository-tests;DB_CLOSE_DELAY=-1");
      h2.setUser("sa");
      return h2;
    }
  },
  POSTGRESQL {
    @Override
    DataSource start() {
      try {
        EmbeddedPostgres postgres = EmbeddedPostgres.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            postgres.close();
          } catch (IOException e) {
            // the JVM is going away
          }
        }));
        return postgres.getPostgresDatabase();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
    }
  };

  private static final String[] TABLES = {"card_feedback", "issued_card", "hook_call_audit", "jwt_replay"};

  private DataSource dataSource;

  abstract DataSource start();

  /** The migrated database, emptied of rows. */
  public synchronized JdbcTemplate empty() {
    if (dataSource == null) {
      dataSource = start();
      Flyway.configure().dataSource(dataSource).load().migrate();
    }
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    for (String table : TABLES) {
      jdbc.update("delete from " + table);
    }
    return jdbc;
  }
}
