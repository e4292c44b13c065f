package org.tachi.sessions.scoreinfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-GPT data of all games Tachi supports, read once from {@code tachi/gpt-metrics.json} on the
 * classpath (where it comes from and how to refresh it: docs/scoreinfo.md).
 */
@Component
public class GptCatalog {

    static final String RESOURCE = "tachi/gpt-metrics.json";

    /** The file's shape; its other keys (_meta, previousPB, otherMetrics, ...) are documentation. */
    private record MetricsFile(Map<String, GptConfig> gpts) {}

    private static final Map<String, GptConfig> CONFIGS_BY_GPT = load().gpts().values().stream()
            .collect(Collectors.toUnmodifiableMap(c -> key(c.game(), c.playtype()), Function.identity()));

    /** Tachi's games: those of the file's GPTs, the one list of them (see docs/scoreinfo.md). */
    public static Set<String> games() {
        return CONFIGS_BY_GPT.values().stream().map(GptConfig::game).collect(Collectors.toUnmodifiableSet());
    }

    /** The GPT's data, or empty for a game/playtype Tachi does not know (including null arguments). */
    public Optional<GptConfig> find(String game, String playtype) {
        return Optional.ofNullable(CONFIGS_BY_GPT.get(key(game, playtype)));
    }

    private static String key(String game, String playtype) {
        return game + ":" + playtype;
    }

    private static MetricsFile load() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        try (InputStream in = GptCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
            }
            return mapper.readValue(in, MetricsFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
