package org.convene.events.event;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.convene.contracts.event.Person;
import org.convene.events.organiser.Organiser;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Chairs and speakers of earlier events, so that a person typed once can be picked again. */
@Path("/api/people")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Organiser.ROLE)
public class PeopleResource {

    private final EntityManager entityManager;

    public PeopleResource(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @GET
    @Operation(summary = "Chairs and speakers of earlier events whose name contains q, by name")
    @SuppressWarnings("unchecked")
    public List<Person> people(@QueryParam("q") String q) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select distinct p ->> 'name' as name, p ->> 'affiliation' as affiliation
                from event, jsonb_array_elements(speakers || case when chair is null then '[]'::jsonb
                                                                  else jsonb_build_array(chair) end) p
                where p ->> 'name' ilike '%' || :q || '%'
                order by 1, 2
                limit 50""")
                .setParameter("q", q == null ? "" : q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"))
                .getResultList();
        return rows.stream().map(r -> new Person((String) r[0], (String) r[1])).toList();
    }
}
