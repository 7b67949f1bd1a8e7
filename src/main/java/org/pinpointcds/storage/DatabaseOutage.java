package org.pinpointcds.storage;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Whether a failure means that the database cannot be reached (no connection within Hikari's connection timeout,
 * a connection lost), as opposed to a statement the database refused: the first passes once the database is
 * back, so a caller is told to retry and a queued row is kept; the second would fail again.
 */
public final class DatabaseOutage {

  /** SQLSTATE class 08: connection exception. */
  private static final String CONNECTION_EXCEPTION = "08";

  private DatabaseOutage() {}

  public static boolean is(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException
          || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
          || (cause instanceof SQLException sql && sql.getSQLState() != null
              && sql.getSQLState().startsWith(CONNECTION_EXCEPTION))) {
        return true;
      }
    }
    return false;
  }
}
