package org.kinship.ui.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.kinship.security.DefaultRoles;
import org.springframework.security.test.context.support.WithSecurityContext;

/** Runs a view test as a Kinship user, created on first use (password {@link KinshipUserContextFactory#PASSWORD}). */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WithSecurityContext(factory = KinshipUserContextFactory.class)
public @interface WithKinshipUser {

    String username() default "view.worker";

    String role() default DefaultRoles.CASE_WORKER;

    String agency() default "HOPE";
}
