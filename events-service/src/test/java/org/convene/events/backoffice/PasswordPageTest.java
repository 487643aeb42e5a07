package org.convene.events.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** An organiser changes their password with a form that says beside each field what is wrong. */
@QuarkusTest
class PasswordPageTest {

    private static final String PASSWORD = "the old passphrase of a page";

    @Inject
    EntityManager entityManager;

    private String newOrganiser() {
        String email = "page-" + UUID.randomUUID() + "@example.org";
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "insert into organiser (id, email, name, password_hash, created_at) values (?1, ?2, 'Page', ?3, ?4)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, email).setParameter(3, BcryptUtil.bcryptHash(PASSWORD))
                .setParameter(4, OffsetDateTime.now()).executeUpdate());
        return email;
    }

    @Test
    void aWrongCurrentPasswordIsSaidBesideItsFieldAndTheRightOneChangesIt() {
        String email = newOrganiser();
        PageSession organiser = PageSession.signIn(email, PASSWORD);
        Document form = Jsoup.parse(organiser.get("/organiser/password").then().statusCode(200).extract().asString());
        assertThat(form.select("label[for=currentPassword]").text()).isEqualTo("Current password");
        assertThat(form.select("input#newPassword").attr("autocomplete")).isEqualTo("new-password");

        Document refused = Jsoup.parse(organiser.post("/organiser/password",
                Map.of("currentPassword", "a guess", "newPassword", "a new passphrase, long enough"))
                .then().statusCode(400).extract().asString());
        assertThat(refused.select("#currentPassword-error").text()).isEqualTo("is not your current password");
        assertThat(refused.select("input#currentPassword").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.select(".error-summary a").attr("href")).isEqualTo("#currentPassword");

        Document changed = Jsoup.parse(organiser.post("/organiser/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "a new passphrase, long enough"))
                .then().statusCode(200).extract().asString());
        assertThat(changed.select("[role=status]").text()).contains("Your password is changed");
        assertThat(changed.select("input[type=password]").eachAttr("value")).containsOnly("");
        PageSession.signIn(email, "a new passphrase, long enough");
    }
}
