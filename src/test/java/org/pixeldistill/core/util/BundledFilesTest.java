package org.pixeldistill.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo data and sample configs that ship inside the program. */
class BundledFilesTest {
    @TempDir
    Path tmp;

    @Test
    void sampleConfigsAreFoundByName() {
        Path expected = BundledFiles.folder().resolve("sample-configs/demo-fashion-mnist-isrd.yaml");
        assertTrue(Files.isRegularFile(expected));
        assertEquals(Optional.of(expected), BundledFiles.config("demo-fashion-mnist-isrd"));
        assertEquals(Optional.of(expected), BundledFiles.config("demo-fashion-mnist-isrd.yaml"));
        assertEquals(Optional.of(expected), BundledFiles.config("sample-configs/demo-fashion-mnist-isrd.yaml"),
                "the README's path typed outside the project folder");
        assertEquals(Optional.empty(), BundledFiles.config("my-folder/demo-fashion-mnist-isrd.yaml"),
                "a path into another folder means the user's own file");
        assertEquals(Optional.empty(), BundledFiles.config("no-such-config"));
        assertTrue(BundledFiles.configNames().contains("classroom-demo-isrd"));
        assertEquals(Path.of("sample-configs/demo-fashion-mnist-isrd.yaml"),
                BundledFiles.configFile(Path.of("sample-configs/demo-fashion-mnist-isrd.yaml")),
                "an existing file (the project folder's) is used as it is");
    }

    @Test
    void aMissingDemoDataPathMeansTheBundledCopy() throws Exception {
        Path bundled = BundledFiles.demoData();
        assertTrue(Files.isRegularFile(bundled.resolve("train-images-idx3-ubyte.gz")));
        assertEquals(bundled, BundledFiles.dataPath(tmp.resolve("gone/assets/fashion-mnist")));
        Path own = Files.createDirectories(tmp.resolve("mine/assets/fashion-mnist"));
        assertEquals(own, BundledFiles.dataPath(own), "an existing folder is the user's data");
        assertEquals(tmp.resolve("missing/cub"), BundledFiles.dataPath(tmp.resolve("missing/cub")),
                "another missing path stays as it is, to fail with its own name");
        assertEquals(bundled, BundledFiles.demoDataFrom(tmp), "no assets/ in the working directory");
        assertEquals(own, BundledFiles.demoDataFrom(tmp.resolve("mine")));
    }

    @Test
    void insideAJarTheFilesAreUnpackedOnceIntoTheCache() throws Exception {
        Path jar = tmp.resolve("program.jar");
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of("create", "true"))) {
            Files.createDirectories(zip.getPath("/bundled/sample-configs"));
            Files.createDirectories(zip.getPath("/bundled/assets/fashion-mnist"));
            Files.writeString(zip.getPath("/bundled/sample-configs/a.yaml"), "name: a\n");
            Files.write(zip.getPath("/bundled/assets/fashion-mnist/data.gz"), new byte[] {1, 2, 3});
            Files.writeString(zip.getPath("/Main.class"), "a class, not bundled");
        }
        Path cache = tmp.resolve("cache");
        Path first = BundledFiles.unpack(jar, cache);
        assertEquals("name: a\n", Files.readString(first.resolve("sample-configs/a.yaml"), StandardCharsets.UTF_8));
        assertEquals(3, Files.size(first.resolve("assets/fashion-mnist/data.gz")));
        assertFalse(Files.exists(first.resolve("Main.class")), "only the bundled folder is unpacked");
        Files.writeString(first.resolve("sample-configs/marker"), "kept");
        assertEquals(first, BundledFiles.unpack(jar, cache));
        assertTrue(Files.exists(first.resolve("sample-configs/marker")), "the same contents are not unpacked again");
        try (Stream<Path> entries = Files.list(cache)) {
            assertFalse(entries.anyMatch(p -> p.getFileName().toString().startsWith("unpacking-")),
                    "no half-unpacked folder is left behind");
        }
    }

}
