package org.convene.platform.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * What a person at one of the pages sees while the database is out of reach: what happened, that nothing
 * they sent was kept, and what to do. Plain HTML that needs nothing else from the service, which may be
 * unable to give anything else just then; in English and Spanish, the languages of the public pages.
 */
final class UnavailablePage {

    static final String HTML = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Back in a moment</title>
            <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style>
            </head>
            <body>
            <main>
            <h1>Back in a moment</h1>
            <p>We cannot reach our records just now, so nothing you sent was saved. Please try again in a minute:
            going back and sending the form again is safe.</p>
            <div lang="es">
            <h2>Volvemos enseguida</h2>
            <p>Ahora mismo no podemos acceder a nuestros registros, así que no se guardó nada de lo que enviaste.
            Vuelve a intentarlo en un minuto: puedes volver atrás y enviar el formulario de nuevo sin problema.</p>
            </div>
            </main>
            </body>
            </html>
            """;

    private UnavailablePage() {
    }

    /** A browser asking for a page; the API, and clients that want JSON, get the problem document. */
    static boolean wantedBy(String path, HttpHeaders headers) {
        return !path.startsWith("/api/") && !path.equals("/api")
                && headers.getAcceptableMediaTypes().stream().anyMatch(type -> !type.isWildcardType()
                        && type.isCompatible(MediaType.TEXT_HTML_TYPE));
    }
}
