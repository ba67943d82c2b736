package io.github.xuke.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The staff groups an endpoint is for, declared on the controller method (or its class): anyone else
 * is refused 403 with {@link #refusal()} before the method runs ({@link AllowedGroupsInterceptor}).
 * The administrator passes everywhere. Whether the caller may see this case (own district, own
 * panel) is checked by the method with {@link CaseAccess}.
 */
@Documented
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AllowedGroups {

  StaffGroup[] value();

  /** What the refused user reads, in Chinese; empty: the groups are named. */
  String refusal() default "";
}
