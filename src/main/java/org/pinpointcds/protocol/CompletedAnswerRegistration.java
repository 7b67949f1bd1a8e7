package org.pinpointcds.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/** Puts {@link CompletedAnswerHandler} before Spring MVC's own handler of futures, which would otherwise take them. */
@Component
class CompletedAnswerRegistration implements SmartInitializingSingleton {

  private final RequestMappingHandlerAdapter adapter;
  private final ObjectMapper mapper;

  CompletedAnswerRegistration(RequestMappingHandlerAdapter adapter, ObjectMapper mapper) {
    this.adapter = adapter;
    this.mapper = mapper;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>(adapter.getReturnValueHandlers());
    handlers.add(0, new CompletedAnswerHandler(new AnswerWriter(mapper)));
    adapter.setReturnValueHandlers(handlers);
  }
}
