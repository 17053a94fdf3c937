package org.vigil.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Import rules of this module, checked on its sources. */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/org/vigil/membership");

    private static List<String> offenders(Path dir, Pattern forbidden, Path exempt) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> exempt == null || !p.startsWith(exempt))
                    .filter(p -> {
                        try {
                            return forbidden.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .map(Path::toString).toList();
        }
    }

    @Test
    void onlyTheInternalPackageImportsJGroups() throws IOException {
        assertThat(MAIN).isDirectory();
        assertThat(offenders(MAIN, Pattern.compile("(?m)^import (static )?org\\.jgroups"), MAIN.resolve("internal")))
                .isEmpty();
    }

    @Test
    void quorumAndSimulationArePure() throws IOException {
        Pattern io = Pattern.compile("(?m)^import (static )?(java\\.io|java\\.nio|java\\.net|org\\.jgroups|org\\.slf4j"
                + "|java\\.util\\.concurrent)");
        assertThat(offenders(MAIN.resolve("quorum"), io, null)).isEmpty();
        assertThat(offenders(MAIN.resolve("simulation"), io, null)).isEmpty();
        assertThat(offenders(MAIN.resolve("quorum"), Pattern.compile("System\\.(currentTimeMillis|nanoTime)|"
                + "Instant\\.now|ZonedDateTime\\.now"), null)).isEmpty();
    }
}
