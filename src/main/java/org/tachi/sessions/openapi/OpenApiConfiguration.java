package org.tachi.sessions.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tachi.sessions.envelope.ApiErrors;

/**
 * The API's contract as an OpenAPI 3.1 document. springdoc finds the routes and serves the document;
 * what a route answers is written here, because Tachi's statuses and messages come from filters,
 * services and the servlet container, which springdoc cannot see. Every route of the API is described
 * in full here (the folder-raises route too, whether its controller is present or not), so the served
 * document stays equal to {@code docs/openapi.json}, which {@code OpenApiDocumentTest} checks and real
 * responses are validated against ({@code OpenApiContractTest}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String SESSION_PATH = "/api/v1/sessions/{sessionID}";

    static final String FOLDER_RAISES_PATH = SESSION_PATH + "/folder-raises";

    private static final String TAG = "sessions";

    private static final String TOKEN = "apiToken";

    private static final String COOKIE = "sessionCookie";

    private static final String BANNED = "You are banned from Tachi";

    private static final String BAD_AUTH_TYPE = "Invalid Authorization Type - Expected Bearer.";

    private static final String NOT_FOUND = "This session does not exist.";

    @Bean
    OpenAPI tachiSessionsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("tachi-sessions").version("v1").description("""
                                Tachi's session API (`/api/v1/sessions/:sessionID`), answered as Tachi's own server answers it.

                                Every response of `/api/**` is Tachi's envelope: `{"success": true, "description", "body"}` \
                                or `{"success": false, "description"}`. Checks run in Tachi's order: the body (413, 400 \
                                malformed JSON, 415), then authentication (400, 401, 403 banned), then the session (404), then \
                                the PATCH checks (401, 403, 400). Any route can also answer the responses under \
                                `components.responses`: an unknown route, a method the route does not have and a malformed URL."""))
                .servers(List.of(new Server().url("/")))
                .addTagsItem(new Tag().name(TAG).description("Sessions of Tachi's database"))
                .components(new Components());
    }

    @Bean
    OpenApiCustomizer tachiSessionsContract() {
        return openApi -> {
            openApi.getComponents()
                    .schemas(schemas())
                    .responses(anyRouteResponses())
                    .securitySchemes(securitySchemes());
            PathItem session = openApi.getPaths().computeIfAbsent(SESSION_PATH, path -> new PathItem());
            session.parameters(null).get(getSession()).patch(updateSession());
            openApi.getPaths()
                    .computeIfAbsent(FOLDER_RAISES_PATH, path -> new PathItem())
                    .parameters(null)
                    .get(folderRaises());
        };
    }

    private static Operation getSession() {
        return new Operation()
                .operationId("getSession")
                .addTagsItem(TAG)
                .summary("A session with its scores, songs, charts, owner and scoreInfo")
                .description(
                        "Public: a token or login cookie is optional; an invalid one is still refused. Sends a weak "
                                + "ETag; a matching If-None-Match answers 304 without a body. Sessions of more than "
                                + "tachi.sessions.heavy-get.min-scores scores (2,000) are streamed without an ETag, "
                                + "and answer 503 with Retry-After while other such GETs hold the heavy-GET budget.")
                .parameters(List.of(
                        sessionId(),
                        new Parameter()
                                .in("header")
                                .name("If-None-Match")
                                .description("An ETag of an earlier answer")
                                .schema(type("string"))))
                .security(optionalAuthentication())
                .responses(readResponses(new ApiResponse()
                                .description("The session and what it is joined with")
                                .headers(Map.of(
                                        "ETag",
                                        header(
                                                "A weak tag of this answer for If-None-Match; absent for sessions "
                                                        + "over the heavy-GET threshold",
                                                false),
                                        "Cache-Control",
                                        header("`no-cache`: revalidate before reuse", false)))
                                .content(json(ref("SessionEnvelope"))))
                        .addApiResponse(
                                "304",
                                new ApiResponse()
                                        .description("Not modified: the If-None-Match tag is still current; no body")
                                        .headers(Map.of("ETag", header("The current tag", true)))));
    }

    private static Operation updateSession() {
        return new Operation()
                .operationId("updateSession")
                .addTagsItem(TAG)
                .summary("Rename, describe or highlight a session")
                .description("The session's owner, with a token holding `customise_session` (or the owner's "
                        + "login cookie). Unknown keys are ignored. Answers the whole updated session.")
                .parameters(List.of(sessionId()))
                .security(List.of(new SecurityRequirement().addList(TOKEN), new SecurityRequirement().addList(COOKIE)))
                .requestBody(new RequestBody().required(false).content(json(ref("SessionChanges"))))
                .responses(new ApiResponses()
                        .addApiResponse(
                                "200",
                                new ApiResponse()
                                        .description("The updated session")
                                        .content(json(ref("UpdatedSessionEnvelope"))))
                        .addApiResponse(
                                "400",
                                error(
                                        "A malformed request",
                                        List.of(
                                                BAD_AUTH_TYPE,
                                                "Your request body is not valid JSON.",
                                                "Your request body must be a JSON object.",
                                                "This request modifies nothing about this session."),
                                        List.of("^\\[(name|desc|highlight)\\] Expected .+$")))
                        .addApiResponse(
                                "401",
                                error(
                                                "Not authenticated: a guest (with `WWW-Authenticate: Bearer`), or an unknown"
                                                        + " or empty token",
                                                "Invalid token.",
                                                "The provided API token does not correspond with any key in the database.",
                                                "You are not authorised to perform this action.")
                                        .headers(Map.of(
                                                "WWW-Authenticate",
                                                header("`Bearer`, when no credentials were sent", false))))
                        .addApiResponse(
                                "403",
                                error(
                                        "Banned, not the owner, or the token lacks `customise_session`",
                                        BANNED,
                                        "You are not authorised to modify this session.",
                                        "You are missing the following permissions necessary for this request:"
                                                + " customise_session"))
                        .addApiResponse("404", error("No such session", NOT_FOUND))
                        .addApiResponse("413", error("The body is over 4 MB", ApiErrors.BODY_TOO_LARGE))
                        .addApiResponse("415", error("The body is not `application/json`", ApiErrors.describe(415)))
                        .addApiResponse("429", rateLimited())
                        .addApiResponse("500", internalError())
                        .addApiResponse("503", databaseUnavailable()));
    }

    private static Operation folderRaises() {
        return new Operation()
                .operationId("getSessionFolderRaises")
                .addTagsItem(TAG)
                .summary("Folder raises of a session")
                .description("Per active folder holding a chart of the session, per enum metric and value: the "
                        + "charts the session raised to at least that value, how many the user had before, and the "
                        + "folder's size. Public, like the session itself.")
                .parameters(List.of(sessionId()))
                .security(optionalAuthentication())
                .responses(readResponses(new ApiResponse()
                        .description("The raises; an empty array when nothing was raised")
                        .content(json(ref("FolderRaisesEnvelope")))));
    }

    /** What every read of a session can answer besides its success. */
    private static ApiResponses readResponses(ApiResponse ok) {
        return new ApiResponses()
                .addApiResponse("200", ok)
                .addApiResponse("400", error("A malformed Authorization header", BAD_AUTH_TYPE))
                .addApiResponse(
                        "401",
                        error(
                                "An unknown or empty token",
                                "Invalid token.",
                                "The provided API token does not correspond with any key in the database."))
                .addApiResponse(
                        "403",
                        error(
                                "The caller is banned (the message names the instance, `tachi.name`, `Tachi` by default)",
                                BANNED))
                .addApiResponse("404", error("No such session", NOT_FOUND))
                .addApiResponse("429", rateLimited())
                .addApiResponse("500", internalError())
                .addApiResponse("503", databaseUnavailable());
    }

    /** Responses of any route, referenced by nothing: the routes and methods they answer are not in the API. */
    private static Map<String, ApiResponse> anyRouteResponses() {
        return ordered(
                "MalformedUrl",
                        error(
                                "400: an encoded `/`, `\\`, NUL or `;` in the path, refused by Spring Security or Tomcat",
                                "This request was rejected: its URL is malformed.",
                                ApiErrors.describe(400)),
                "UnknownRoute", error("404: no such route", ApiErrors.describe(404)),
                "MethodNotAllowed",
                        error("405: the route exists without this method", ApiErrors.describe(405))
                                .headers(Map.of("Allow", header("The route's methods", true))));
    }

    private static ApiResponse rateLimited() {
        return error(
                        "Rate limited: this client's budget on `/api/v1` is spent for the window",
                        List.of(),
                        List.of("^You have exceeded \\d+ requests per \\d+ seconds\\. Please wait\\.$"))
                .headers(Map.of("Retry-After", header("Seconds until the budget refills", true)));
    }

    private static ApiResponse internalError() {
        return error("Anything unexpected; the cause is logged, never returned", ApiErrors.INTERNAL_ERROR);
    }

    private static ApiResponse databaseUnavailable() {
        return error(
                "MongoDB is unreachable; answered within the server-selection timeout", ApiErrors.DATABASE_UNAVAILABLE);
    }

    /** An error envelope whose description is one of these messages. */
    private static ApiResponse error(String when, String... messages) {
        return error(when, List.of(messages), List.of());
    }

    /** An error envelope whose description is one of these messages or matches one of these patterns. */
    private static ApiResponse error(String when, List<String> messages, List<String> patterns) {
        List<Schema> choices = new ArrayList<>();
        if (!messages.isEmpty()) {
            choices.add(new JsonSchema()._enum(new ArrayList<>(messages)));
        }
        patterns.forEach(pattern -> choices.add(type("string").pattern(pattern)));
        Schema<?> description = choices.size() == 1 ? choices.get(0) : new JsonSchema().anyOf(choices);
        Schema<?> schema =
                new JsonSchema().allOf(List.of(ref("ErrorEnvelope"))).properties(ordered("description", description));
        return new ApiResponse().description(when).content(json(schema));
    }

    private static Parameter sessionId() {
        return new Parameter()
                .in("path")
                .name("sessionID")
                .required(true)
                .description("The session's `sessionID`")
                .schema(type("string"));
    }

    private static List<SecurityRequirement> optionalAuthentication() {
        return List.of(
                new SecurityRequirement(),
                new SecurityRequirement().addList(TOKEN),
                new SecurityRequirement().addList(COOKIE));
    }

    private static Map<String, SecurityScheme> securitySchemes() {
        return ordered(
                TOKEN,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description("A Tachi API token (`api-tokens`): `Authorization: Bearer <token>`. Its "
                                        + "`permissions` decide what it may do."),
                COOKIE,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE)
                                .name("Tachi_SESSION")
                                .description(
                                        "Tachi's login session cookie (express-session, `<instance name>_SESSION`, so "
                                                + "`Tachi_SESSION` for an instance named Tachi), read from the Redis Tachi's server "
                                                + "shares. It carries every permission of its user."));
    }

    private static Map<String, Schema> schemas() {
        return ordered(
                "ErrorEnvelope",
                        object(
                                "Tachi's error envelope",
                                List.of("success", "description"),
                                "success",
                                constant(false),
                                "description",
                                type("string")),
                "SessionEnvelope",
                        success(type("string").pattern("^Successfully returned session .*\\.$"), ref("SessionView")),
                "UpdatedSessionEnvelope", success(constant("Updated Session."), ref("Session")),
                "FolderRaisesEnvelope", success(constant("Retrieved folder raises."), array(ref("FolderRaise"))),
                "SessionView",
                        object(
                                "A session joined with its data",
                                List.of("session", "songs", "charts", "scores", "user", "scoreInfo"),
                                "session",
                                ref("Session"),
                                "songs",
                                array(ref("Song")).description("The songs of the session's scores"),
                                "charts",
                                array(ref("Chart"))
                                        .description("The charts of the session's scores, in ascending chartID"),
                                "scores",
                                array(ref("Score")).description("The session's scores, in ascending scoreID"),
                                "user",
                                new JsonSchema()
                                        .description("The owner without password or email, or null")
                                        .oneOf(List.of(ref("User"), type("null"))),
                                "scoreInfo",
                                array(ref("ScoreInfo")).description("One entry per score, in the order of scores")),
                "Session",
                        stored(
                                "A session document as stored, minus `_id`",
                                List.of("sessionID", "userID", "name", "game", "playtype", "scoreIDs"),
                                "sessionID",
                                type("string"),
                                "userID",
                                type("integer"),
                                "name",
                                type("string"),
                                "desc",
                                types("string", "null"),
                                "game",
                                type("string"),
                                "playtype",
                                type("string"),
                                "highlight",
                                type("boolean"),
                                "scoreIDs",
                                array(type("string")),
                                "timeStarted",
                                types("number", "null"),
                                "timeEnded",
                                types("number", "null")),
                "Score",
                        stored(
                                "A score document as stored, minus `_id`",
                                List.of("scoreID", "userID", "chartID", "songID", "game", "playtype", "scoreData"),
                                "scoreID",
                                type("string"),
                                "userID",
                                type("integer"),
                                "chartID",
                                type("string"),
                                "songID",
                                type("integer"),
                                "game",
                                type("string"),
                                "playtype",
                                type("string"),
                                "scoreData",
                                type("object")),
                "Song",
                        stored(
                                "A song document as stored, minus `_id`",
                                List.of("id"),
                                "id",
                                type("integer"),
                                "title",
                                type("string")),
                "Chart",
                        stored(
                                "A chart document as stored, minus `_id`",
                                List.of("chartID", "songID"),
                                "chartID",
                                type("string"),
                                "songID",
                                type("integer")),
                "User",
                        stored(
                                "A user document as stored, minus `_id`, `password` and `email`",
                                List.of("id"),
                                "id",
                                type("integer"),
                                "username",
                                type("string"),
                                "password",
                                new JsonSchema().not(new JsonSchema()).description("never sent"),
                                "email",
                                new JsonSchema().not(new JsonSchema()).description("never sent")),
                "ScoreInfo",
                        new JsonSchema()
                                .description("A score against the owner's previous personal best on its chart")
                                .oneOf(List.of(
                                        object(
                                                "The first score on its chart",
                                                List.of("scoreID", "isNewScore"),
                                                "scoreID",
                                                type("string"),
                                                "isNewScore",
                                                constant(true)),
                                        object(
                                                "A chart played before: the score's difference to the previous best",
                                                List.of("scoreID", "isNewScore", "deltas"),
                                                "scoreID",
                                                type("string"),
                                                "isNewScore",
                                                constant(false),
                                                "deltas",
                                                type("object").additionalProperties(type("number"))))),
                "FolderRaise",
                        object(
                                "The charts of one folder the session raised to at least one value of an enum metric",
                                List.of("folder", "previousCount", "raisedCharts", "type", "value", "totalCharts"),
                                "folder",
                                type("object").description("The folder document as stored, minus `_id`"),
                                "previousCount",
                                type("integer")
                                        .description("Charts of the folder at this value or better before the session"),
                                "raisedCharts",
                                array(type("string")).description("chartIDs the session raised to this value"),
                                "type",
                                type("string").description("The metric, e.g. `lamp`, `grade`"),
                                "value",
                                type("string").description("The metric's value, e.g. `HARD CLEAR`"),
                                "totalCharts",
                                type("integer").description("Charts in the folder")),
                "SessionChanges",
                        type("object")
                                .description("What to change; at least one known field. Unknown keys are ignored.")
                                .properties(ordered(
                                        "name",
                                        type("string").minLength(3).maxLength(80),
                                        "desc",
                                        types("string", "null").minLength(3).maxLength(120),
                                        "highlight",
                                        type("boolean"))));
    }

    private static Schema<?> success(Schema<?> description, Schema<?> body) {
        return object(
                "Tachi's success envelope",
                List.of("success", "description", "body"),
                "success",
                constant(true),
                "description",
                description,
                "body",
                body);
    }

    /** A closed object: exactly these properties. */
    private static Schema<?> object(String description, List<String> required, Object... namesAndSchemas) {
        return type("object")
                .description(description)
                .required(required)
                .properties(ordered(namesAndSchemas))
                .additionalProperties(false);
    }

    /** A stored document: these properties are known, any other field is kept as stored. */
    private static Schema<?> stored(String description, List<String> required, Object... namesAndSchemas) {
        return type("object").description(description).required(required).properties(ordered(namesAndSchemas));
    }

    /** The document's maps keep the order they are written in here: name, value, name, value, ... */
    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... namesAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], (V) namesAndValues[i + 1]);
        }
        return map;
    }

    private static Schema<?> type(String type) {
        return types(type);
    }

    private static Schema<?> types(String... types) {
        return new JsonSchema().types(new LinkedHashSet<>(List.of(types)));
    }

    private static Schema<?> constant(Object value) {
        return new JsonSchema()._const(value);
    }

    private static Schema<?> array(Schema<?> items) {
        return type("array").items(items);
    }

    private static Schema<?> ref(String name) {
        return new JsonSchema().$ref("#/components/schemas/" + name);
    }

    private static Header header(String description, boolean required) {
        return new Header().description(description).required(required).schema(type("string"));
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType("application/json", new MediaType().schema(schema));
    }
}
