package org.convene.notification.unsubscribe;

import org.hibernate.validator.constraints.URL;

import io.smallrye.config.ConfigMapping;

/**
 * Where registrants reach this service's {@code /unsubscribe} ({@code CONVENE_UNSUBSCRIBE_URL}): the
 * public host behind the Ingress, since the link leaves in every email.
 */
@ConfigMapping(prefix = "convene.unsubscribe")
public interface UnsubscribeConfig {

    @URL(regexp = "https?://.+", message = "must be an absolute http or https URL")
    String url();
}
