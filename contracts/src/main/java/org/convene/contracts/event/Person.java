package org.convene.contracts.event;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A chair or a speaker, as the organiser typed them: e.g. "Kate Hudson", "General Secretary, CND". */
public record Person(@NotBlank @Size(max = 200) String name, @Size(max = 300) String affiliation) {

    public Person {
        org.convene.contracts.Messages.require(name, "name");
    }
}
