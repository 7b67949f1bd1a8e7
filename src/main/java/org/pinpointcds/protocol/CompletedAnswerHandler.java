package org.pinpointcds.protocol;

import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.CompletableFuture;
import org.pinpointcds.concurrent.Futures;
import org.springframework.core.MethodParameter;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.DeferredResultMethodReturnValueHandler;

/**
 * Answers a hook call's future: one already completed (the prefetch held all the data: most calls) is written at
 * once with the {@link AnswerWriter}; one still waiting for the EHR's FHIR server goes to Spring MVC's asynchronous
 * handling, so that the request thread returns to the pool meanwhile. Spring alone would dispatch even a completed
 * future asynchronously, which costs a second pass through the filters on every chart opened.
 */
final class CompletedAnswerHandler implements HandlerMethodReturnValueHandler {

  private final AnswerWriter writer;
  private final HandlerMethodReturnValueHandler asynchronous = new DeferredResultMethodReturnValueHandler();

  CompletedAnswerHandler(AnswerWriter writer) {
    this.writer = writer;
  }

  @Override
  public boolean supportsReturnType(MethodParameter returnType) {
    return returnType.getContainingClass() == CdsHooksController.class
        && CompletableFuture.class.isAssignableFrom(returnType.getParameterType());
  }

  @Override
  public void handleReturnValue(Object returnValue, MethodParameter returnType, ModelAndViewContainer container,
      NativeWebRequest request) throws Exception {
    CompletableFuture<?> answer = (CompletableFuture<?>) returnValue;
    if (!answer.isDone()) {
      asynchronous.handleReturnValue(returnValue, returnType, container, request);
      return;
    }
    CdsResponse cards = (CdsResponse) Futures.valueOf(answer); // a failure is thrown as raised: an error answer
    container.setRequestHandled(true);
    writer.write(cards, request.getNativeResponse(HttpServletResponse.class));
  }
}
