package org.convene.registration.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the public pages, in English here and in Spanish in {@code messages/msg_es.properties};
 * templates use them as {@code {msg:name(...)}}.
 */
@MessageBundle("msg")
public interface PageMessages {

    /** The question beside an organisation's box; the words shown are stored with the answer. */
    @Message("I would like {organisation} to keep me informed about its campaigns and events by email.")
    String consent(String organisation);
}
