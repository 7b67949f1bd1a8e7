package org.pinpointcds.sandbox;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link FhirSandbox} parameter (in a {@code @BeforeAll}, {@code @Test} or constructor), started on a
 * free port the first time any test class of the run asks for it and stopped when the run ends. The sandbox is
 * shared: tests may read from it and add their own resources, but should not change or delete the scenarios' data.
 *
 * <pre>{@code
 * @ExtendWith(FhirSandboxExtension.class)
 * class FetchFromSandboxTest {
 *   @Test
 *   void fetches(FhirSandbox sandbox) { ... sandbox.baseUrl() ... }
 * }
 * }</pre>
 */
public final class FhirSandboxExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FhirSandbox.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FhirSandbox.class;
  }

  @Override
  public FhirSandbox resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Shared.class, type -> new Shared(FhirSandbox.start(0)), Shared.class)
        .sandbox();
  }

  /** Closed by JUnit when the root context (the whole run) ends. */
  private record Shared(FhirSandbox sandbox) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      sandbox.stop();
    }
  }
}
