package org.pinpointcds.sandboxpage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;

/**
 * The EHR simulator exists in the embedded defaults only: {@code pinpoint.sandbox.enabled} (true there, false in the
 * production profile) and never under the production profile, whatever that property says, because its built-in
 * client can sign tokens that the service trusts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Profile("!production")
@ConditionalOnProperty(name = "pinpoint.sandbox.enabled", havingValue = "true")
@interface SandboxPageEnabled {}
