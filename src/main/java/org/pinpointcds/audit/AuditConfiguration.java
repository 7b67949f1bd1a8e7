package org.pinpointcds.audit;

import org.pinpointcds.endpoints.EndpointPaths;
import java.time.Clock;
import java.util.List;
import org.pinpointcds.protocol.CdsHooksController;
import org.pinpointcds.storage.BatchWriter;
import org.pinpointcds.storage.InOneTransaction;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the audit trail of hook calls: the outermost filter on the CDS endpoints, writing to the database. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

  @Bean
  static BatchWriter<HookCallAudit> auditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    return BatchWriter.standard("audit", InOneTransaction.writing(transactions, new AuditRepository(jdbc)::insertAll));
  }

  @Bean
  static FilterRegistrationBean<HookAuditFilter> hookAuditFilter(BatchWriter<HookCallAudit> auditTrail, Clock clock) {
    FilterRegistrationBean<HookAuditFilter> registration = new FilterRegistrationBean<>(new HookAuditFilter(auditTrail, clock));
    registration.setUrlPatterns(List.of(EndpointPaths.CDS_SERVICES + "/*"));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
