package org.pinpointcds.sandbox;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.binary.api.IBinaryStorageSvc;
import ca.uhn.fhir.jpa.binstore.MemoryBinaryStorageSvcImpl;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.CorsInterceptor;
import ca.uhn.fhir.rest.server.interceptor.ResponseHighlighterInterceptor;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.web.cors.CorsConfiguration;

/**
 * The sandbox's Spring Boot application: HAPI FHIR's JPA server on an in-memory H2 database, served at
 * {@code /fhir}, and loaded at start-up by {@link SandboxLoader}. Its properties are in
 * {@code pinpoint-sandbox.properties}, never the service's {@code application.yml}. Start it through
 * {@link FhirSandbox}.
 *
 * <p>Deliberately neither {@code @Configuration} nor {@code @SpringBootApplication}: it sits under
 * {@code org.pinpointcds} on the test classpath, where the service's component scan would pick up any stereotype
 * (a test of the service would then boot a JPA server). As an application's primary source, Spring still reads its
 * {@code @Bean} methods and imports.
 *
 * <p>Wiring after {@code shared/reference/dependencies.md}, section 3.B (HAPI 8.8.0 on Boot 3.5.7).
 */
@EnableAutoConfiguration
@Import({
  JpaR4Config.class,
  HapiJpaConfig.class,
  JpaBatch2Config.class,
  Batch2JobsConfig.class,
  ThreadPoolFactoryConfig.class,
  SubscriptionChannelConfig.class
})
class SandboxApplication {

  static final String CONFIG_NAME = "pinpoint-sandbox";

  @Bean
  static JpaStorageSettings storageSettings() {
    JpaStorageSettings settings = new JpaStorageSettings();
    // A sandbox is for trying things: a search always sees what was just written ...
    settings.setReuseCachedSearchResultsForMillis(null);
    // ... and a team's own data may point at resources it did not bring (a Practitioner, an Encounter).
    settings.setEnforceReferentialIntegrityOnWrite(false);
    return settings;
  }

  @Bean
  static PartitionSettings partitionSettings() {
    return new PartitionSettings();
  }

  @Bean
  static IBinaryStorageSvc binaryStorage() {
    return new MemoryBinaryStorageSvcImpl();
  }

  @Bean
  @Primary
  static LocalContainerEntityManagerFactoryBean entityManagerFactory(
      ConfigurableListableBeanFactory beanFactory, FhirContext fhirContext, JpaStorageSettings settings,
      DataSource dataSource) {
    LocalContainerEntityManagerFactoryBean factory =
        HapiEntityManagerFactoryUtil.newEntityManagerFactory(beanFactory, fhirContext, settings);
    factory.setPersistenceUnitName("HAPI_PU");
    factory.setDataSource(dataSource);
    Properties jpa = new Properties();
    jpa.put("hibernate.dialect", HapiFhirH2Dialect.class.getName());
    jpa.put("hibernate.hbm2ddl.auto", "update");
    jpa.put("hibernate.search.enabled", "false");
    factory.setJpaProperties(jpa);
    return factory;
  }

  @Bean
  @Primary
  static JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
    return new JpaTransactionManager(entityManagerFactory);
  }

  /** The FHIR endpoint. The FhirContext is JpaR4Config's: the sandbox defines none of its own. */
  @Bean
  static ServletRegistrationBean<RestfulServer> fhirServlet(
      FhirContext fhirContext, ResourceProviderFactory resourceProviders, IFhirSystemDao<?, ?> systemDao,
      JpaSystemProvider<?, ?> systemProvider, JpaStorageSettings settings, ISearchParamRegistry searchParams,
      IValidationSupport validationSupport, DatabaseBackedPagingProvider pagingProvider, Environment environment) {
    RestfulServer server = new RestfulServer(fhirContext);
    server.registerProviders(resourceProviders.createProviders());
    server.registerProvider(systemProvider);
    server.setServerConformanceProvider(
        new JpaCapabilityStatementProvider(server, systemDao, settings, searchParams, validationSupport));
    server.setPagingProvider(pagingProvider);
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    server.setDefaultPrettyPrint(true);
    server.registerInterceptor(new ResponseHighlighterInterceptor()); // readable in a browser
    server.registerInterceptor(new CorsInterceptor(cors(environment.getRequiredProperty("sandbox.cors.allowed-origins"))));
    ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
    registration.setLoadOnStartup(1);
    return registration;
  }

  /**
   * CORS for browser-based clients (the official CDS Hooks sandbox, a SMART app): {@code sandbox.cors.allowed-origins}
   * (origin patterns, comma-separated), by default any origin. Fine for a sandbox, which listens on loopback only and
   * holds synthetic data; never a setting for a server with real patients. No credentials (a client sends its token
   * in Authorization, which is allowed, as any request header is).
   */
  static CorsConfiguration cors(String allowedOrigins) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOriginPatterns(List.of(allowedOrigins.trim().split("\\s*,\\s*")));
    cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
    cors.setAllowedHeaders(List.of(CorsConfiguration.ALL));
    cors.setExposedHeaders(List.of("Location", "Content-Location", "ETag", "Last-Modified"));
    cors.setAllowCredentials(false);
    cors.setMaxAge(Duration.ofMinutes(30));
    return cors;
  }

  @Bean
  static SandboxLoader sandboxLoader(
      FhirContext fhirContext, IFhirSystemDao<Bundle, Meta> systemDao, Environment environment) {
    return new SandboxLoader(fhirContext, systemDao, environment.getRequiredProperty("sandbox.bundles"),
        Clock.systemUTC());
  }
}
