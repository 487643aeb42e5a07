package org.convene.notification.recipient;

import java.time.Clock;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.convene.contracts.registration.RegistrationChanged;
import org.convene.contracts.registration.RegistrationState;

/** Keeps {@link Recipient} rows in step with the registrations' changes. */
@ApplicationScoped
public class Recipients {

    /** One address and nothing else: no spaces, control characters or list separators. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s\\p{Cntrl}<>,;\"@]+@[^\\s\\p{Cntrl}<>,;\"@]+");

    private final EntityManager entityManager;
    private final AddressKeys addressKeys;
    private final Clock clock;

    public Recipients(EntityManager entityManager, AddressKeys addressKeys, Clock clock) {
        this.entityManager = entityManager;
        this.addressKeys = addressKeys;
        this.clock = clock;
    }

    /** Whether the change names one address; a change that does not is not used at all. */
    static boolean hasOneAddress(RegistrationChanged change) {
        return ADDRESS.matcher(change.email()).matches();
    }

    /**
     * Takes the registrant's new state and details, unless they were erased; says whether a row now
     * holds them. An attendance keeps the state it finds and only marks the person as there.
     */
    @Transactional(TxType.MANDATORY)
    public boolean take(RegistrationChanged change) {
        if (change.state() == RegistrationState.ATTENDED) {
            return entityManager.createNativeQuery("update recipient set attended = true where registration_id = :id")
                    .setParameter("id", change.registrationId()).executeUpdate() == 1;
        }
        return entityManager.createNativeQuery("""
                insert into recipient (registration_id, event_id, state, attended, name, email, address_key, language,
                        time_zone, cancel_url, join_url, updated_at)
                select :id, :eventId, :state, false, :name, :email, :addressKey, :language, :timeZone, :cancelUrl,
                        :joinUrl, :now
                where not exists (select 1 from erased_registration where registration_id = :id)
                on conflict (registration_id) do update set state = excluded.state, name = excluded.name,
                        email = excluded.email, address_key = excluded.address_key, language = excluded.language, time_zone = excluded.time_zone,
                        cancel_url = coalesce(excluded.cancel_url, recipient.cancel_url),
                        join_url = coalesce(excluded.join_url, recipient.join_url), updated_at = excluded.updated_at""")
                .setParameter("id", change.registrationId())
                .setParameter("eventId", change.eventId())
                .setParameter("state", change.state().name())
                .setParameter("name", change.name())
                .setParameter("email", change.email())
                .setParameter("addressKey", addressKeys.of(change.email()))
                .setParameter("language", change.language())
                .setParameter("timeZone", change.timeZone())
                .setParameter("cancelUrl", change.cancelUrl())
                .setParameter("joinUrl", change.joinUrl())
                .setParameter("now", clock.instant())
                .executeUpdate() == 1;
    }
}
