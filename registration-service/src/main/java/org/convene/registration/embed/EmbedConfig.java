package org.convene.registration.embed;

import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Pattern;

import io.smallrye.config.ConfigMapping;

/** Which organisations' sites may frame the embeddable form ({@link FramingPolicy}). */
@ConfigMapping(prefix = "convene.embed")
public interface EmbedConfig {

    /** Origins alone: a scheme, a host and perhaps a port, with no path, as browsers compare them. */
    Optional<List<@Pattern(regexp = "https?://([^/?#:\\s\\[\\]]+|\\[[0-9a-fA-F:.]+\\])(:[0-9]+)?",
            message = "must be origins such as https://friendsofbolivia.org") String>> allowedOrigins();
}
