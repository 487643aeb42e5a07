package org.convene.events.event;

import java.text.Normalizer;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Makes an event's readable address from its title: "Bolivia – People Power" → "bolivia-people-power". */
@ApplicationScoped
public class Slugs {

    static final int MAX_LENGTH = 80;

    /**
     * The slug of {@code title}, numbered ("-2", "-3", …) if another event has it already. Runs in
     * the caller's transaction: a lock on the base slug makes two events of one title take turns.
     */
    @Transactional(TxType.MANDATORY)
    public String unique(String title) {
        String base = of(title);
        Event.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "slug:" + base).getSingleResult();
        String slug = base;
        for (int n = 2; Event.count("slug", slug) > 0; n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    static String of(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-[^-]*$", "");
        }
        return slug.isEmpty() ? "event" : slug;
    }
}
