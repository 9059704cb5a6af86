package io.bioalert.notify.arrows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * notify's packages depend on each other in one direction only. Every mention of another package counts
 * (imports, fully qualified names, javadoc links), read from the sources, so the check needs no library.
 * Run alone: {@code ./mvnw -o -pl notify-service test -Dtest=PackageArrowsTest}.
 */
class PackageArrowsTest {

    private static final Path SOURCES = Path.of("src/main/java/io/bioalert/notify");
    private static final Pattern MENTION = Pattern.compile("io\\.bioalert\\.notify\\.([a-z]+)\\b");

    /** Top-level package → the top-level packages its sources mention. */
    static Map<String, Set<String>> arrows(Path root) throws IOException {
        Map<String, Set<String>> arrows = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = root.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // a class directly in io.bioalert.notify: none today
                }
                String from = relative.getName(0).toString();
                Set<String> to = arrows.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher m = MENTION.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        to.add(m.group(1));
                    }
                }
            }
        }
        return arrows;
    }

    /** One cycle through the graph as a path ("a -> b -> a"), or null when it has none. */
    static String cycle(Map<String, Set<String>> arrows) {
        Set<String> done = new TreeSet<>();
        for (String start : arrows.keySet()) {
            String found = cycleFrom(start, arrows, done, new ArrayDeque<>(), new TreeSet<>());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String cycleFrom(String node, Map<String, Set<String>> arrows, Set<String> done, Deque<String> path,
            Set<String> onPath) {
        if (onPath.contains(node)) {
            List<String> loop = new ArrayList<>();
            boolean in = false;
            for (String p : path) {
                in |= p.equals(node);
                if (in) {
                    loop.add(p);
                }
            }
            loop.add(node);
            return String.join(" -> ", loop);
        }
        if (done.contains(node)) {
            return null;
        }
        path.addLast(node);
        onPath.add(node);
        for (String next : arrows.getOrDefault(node, Set.of())) {
            String found = cycleFrom(next, arrows, done, path, onPath);
            if (found != null) {
                return found;
            }
        }
        path.removeLast();
        onPath.remove(node);
        done.add(node);
        return null;
    }

    @Test
    void notifysPackagesHaveNoCycle() throws IOException {
        Map<String, Set<String>> arrows = arrows(SOURCES);
        assertThat(arrows).containsKeys("consumer", "matching", "delivery", "channel", "watchlist");
        assertThat(cycle(arrows)).as("a package cycle among %s", arrows).isNull();
    }

    @Test
    void theDeliveryPathPointsOneWay() throws IOException {
        Map<String, Set<String>> arrows = arrows(SOURCES);
        assertThat(arrows.get("consumer")).contains("delivery");
        assertThat(arrows.get("delivery")).contains("matching").doesNotContain("consumer", "channel");
        assertThat(arrows.get("channel")).contains("delivery");
        assertThat(arrows.get("matching")).doesNotContain("delivery", "consumer", "channel", "watchlist");
        assertThat(arrows.get("watchlist")).doesNotContain("delivery", "channel");
    }

    @Test
    void theCheckFindsACycleWhenThereIsOne(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        write(dir, "a/A.java", "package io.bioalert.notify.a; import io.bioalert.notify.b.B;");
        write(dir, "b/B.java", "package io.bioalert.notify.b; /** {@link io.bioalert.notify.c.C} */ class B {}");
        write(dir, "c/C.java", "package io.bioalert.notify.c; class C { Object x = new io.bioalert.notify.a.A(); }");
        write(dir, "d/D.java", "package io.bioalert.notify.d; import io.bioalert.notify.a.A;");
        Map<String, Set<String>> arrows = arrows(dir);
        assertThat(arrows).containsEntry("a", Set.of("b")).containsEntry("d", Set.of("a"));
        assertThat(cycle(arrows)).isEqualTo("a -> b -> c -> a");

        write(dir, "c/C.java", "package io.bioalert.notify.c; class C {}");
        assertThat(cycle(arrows(dir))).isNull();
    }

    private static void write(Path dir, String file, String text) throws IOException {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
