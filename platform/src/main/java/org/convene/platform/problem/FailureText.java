package org.convene.platform.problem;

import java.sql.SQLException;

/** Failures described for logs and headers that anyone operating the services may read. */
public final class FailureText {

    private FailureText() {
    }

    /**
     * What failed, without the messages: PostgreSQL's name the values in question ("Key (email)=(…)
     * already exists"), which would put registrants' addresses in the logs. Each cause's type, and where
     * there is one, the SQLSTATE and the constraint.
     */
    public static String withoutValues(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(text.isEmpty() ? "" : " < ").append(cause.getClass().getName());
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getConstraintName() != null) {
                text.append(" constraint ").append(violation.getConstraintName());
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                text.append(" SQLSTATE ").append(sql.getSQLState());
            }
        }
        return text.toString();
    }
}
