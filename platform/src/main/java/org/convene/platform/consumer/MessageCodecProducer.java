package org.convene.platform.consumer;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.convene.contracts.cloudevents.MessageCodec;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The codec of the messages module, made a bean with the application's one ObjectMapper. */
@Singleton
public class MessageCodecProducer {

    @Produces
    @Singleton
    MessageCodec codec(ObjectMapper mapper) {
        return new MessageCodec(mapper);
    }
}
