package org.pinpointcds.storage;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch written in one transaction: a batch that fails leaves no row behind (in autocommit, H2 commits the rows
 * of a JDBC batch before the one that failed), so that {@link BatchWriter} can write its rows again one by one
 * without storing any twice.
 */
public final class InOneTransaction {

  private InOneTransaction() {}

  public static <T> Consumer<List<T>> writing(PlatformTransactionManager transactions, Consumer<List<T>> sink) {
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    return batch -> transaction.executeWithoutResult(status -> sink.accept(batch));
  }
}
