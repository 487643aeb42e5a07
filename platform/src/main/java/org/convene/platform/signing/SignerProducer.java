package org.convene.platform.signing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The {@link Signer} of a service that signs, made from its secret when first needed: a service that
 * signs nothing (events-service) needs no secret at all.
 */
@Singleton
public class SignerProducer {

    @Produces
    @Singleton
    Signer signer() {
        return new Signer(ConfigProvider.getConfig().getValue(Signer.SECRET_PROPERTY, String.class));
    }
}
