package org.tachi.sessions.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.bson.Document;

/** The JSON files of a folder of test resources, such as the answers recorded from Tachi's own server. */
public final class JsonResources {

    private JsonResources() {}

    /** The folder of test resources named {@code resource} (e.g. {@code /scoreinfo-golden}). */
    public static Path folder(String resource) {
        try {
            return Path.of(Objects.requireNonNull(JsonResources.class.getResource(resource), resource)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Its {@code .json} files, by name. */
    public static List<Path> files(String resource) {
        try (Stream<Path> files = Files.list(folder(resource))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Document read(Path file) {
        try {
            return Document.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
