package io.recshell.shell;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a command that touches recordings or the audit log: the shell writes one audit
 * entry for every run of it, whatever the outcome, under the given action name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {

    /** The action as written in the audit log, e.g. {@code find} or {@code delete}. */
    String value();

    /** Other actions the command writes entries under, e.g. {@code delete_batch} for each batch. */
    String[] also() default {};
}
