package org.pinpointcds.storage;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Says at start-up which database holds feedback, issued cards, the audit trail and the shared jti store, and
 * warns when the production profile runs on the embedded H2 file (one instance only; not backed up with the
 * site's databases).
 */
@Component
class DatabasePosture {

  private static final Logger log = LoggerFactory.getLogger(DatabasePosture.class);

  private final DataSource dataSource;
  private final Environment environment;

  DatabasePosture(DataSource dataSource, Environment environment) {
    this.dataSource = dataSource;
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void report() throws MetaDataAccessException {
    String url = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
    if (url.startsWith("jdbc:h2:") && environment.acceptsProfiles(Profiles.of("production"))) {
      log.warn("The production profile is storing feedback and audit in the embedded H2 database {}: set"
          + " spring.datasource.url (and username, password) to a PostgreSQL database", url);
    } else {
      log.info("Feedback, issued cards and audit are stored in {}", url);
    }
  }
}
