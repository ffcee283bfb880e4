package org.pixeldistill.core.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The demo data ({@code assets/fashion-mnist}) and the sample configs ({@code sample-configs/}) that
 * ship inside the program, under the class-path folder {@value #RESOURCE_ROOT} with the project's
 * own layout, so that a config's {@code ../assets/fashion-mnist} still points at the data.
 * Run from classes (tests, {@code mvn javafx:run}) the folder is used as it is; from a jar it is
 * unpacked once into the per-user cache folder, under a name that changes when the contents do.
 */
public final class BundledFiles {
    /** Class-path folder that holds the bundled files. */
    public static final String RESOURCE_ROOT = "bundled";
    /** A file that is always bundled, to find the folder by. */
    private static final String MARKER = RESOURCE_ROOT + "/sample-configs/demo-fashion-mnist-isrd.yaml";
    /** The demo data, relative to the project folder and to the bundled folder alike. */
    public static final Path DEMO_DATA = Path.of("assets", "fashion-mnist");
    public static final Path CONFIGS = Path.of("sample-configs");

    private static Path folder;

    private BundledFiles() {}

    /** The folder holding {@code assets/} and {@code sample-configs/}, unpacked on first use. */
    public static synchronized Path folder() {
        if (folder == null) {
            folder = locate(AppFolders.userCache());
        }
        return folder;
    }

    /** The bundled copy of the demo data. */
    public static Path demoData() {
        return folder().resolve(DEMO_DATA);
    }

    /**
     * The demo data as seen from {@code workingDir}: its own {@code assets/fashion-mnist} when it
     * has one (the project folder), else the bundled copy.
     */
    public static Path demoDataFrom(Path workingDir) {
        Path local = workingDir.resolve(DEMO_DATA);
        return Files.isDirectory(local) ? local.toAbsolutePath().normalize() : demoData();
    }

    /**
     * A data path as written in a config: itself when it exists or does not name the demo data;
     * the bundled copy when it ends with {@code assets/fashion-mnist} and is missing (a config
     * copied out of the project, or run where the project is not).
     */
    public static Path dataPath(Path path) {
        if (Files.exists(path) || !path.normalize().endsWith(DEMO_DATA)) {
            return path;
        }
        return demoData();
    }

    /** Names of the bundled sample configs, without {@code .yaml}, sorted. */
    public static List<String> configNames() {
        try (Stream<Path> files = Files.list(folder().resolve(CONFIGS))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bundled config a user means by {@code name}: "demo-fashion-mnist-isrd", the same with
     * ".yaml", or "sample-configs/demo-fashion-mnist-isrd.yaml" typed outside the project folder.
     */
    public static Optional<Path> config(String name) {
        String file = Path.of(name).getFileName().toString();
        String bare = file.toLowerCase(Locale.ROOT).endsWith(".yaml") ? file.substring(0, file.length() - 5) : file;
        Path parent = Path.of(name).getParent();
        if (parent != null && !parent.normalize().endsWith(CONFIGS)) {
            return Optional.empty(); // some other folder: the user means their own file
        }
        return configNames().contains(bare) ? Optional.of(folder().resolve(CONFIGS).resolve(bare + ".yaml"))
                : Optional.empty();
    }

    /** A config file the user named: the file when it exists, else the bundled one of that name, else itself. */
    public static Path configFile(Path given) {
        if (Files.exists(given)) {
            return given;
        }
        return config(given.toString()).orElse(given);
    }

    /** Finds the bundled folder on the class path; unpacks it under {@code cache} when it is inside a jar. */
    static Path locate(Path cache) {
        URL url = BundledFiles.class.getClassLoader().getResource(MARKER);
        if (url == null) {
            throw new IllegalStateException("the bundled demo is missing from this build (no " + MARKER + ")");
        }
        try {
            URI uri = url.toURI();
            if ("file".equals(uri.getScheme())) {
                return Path.of(uri).getParent().getParent();
            }
            // jar:file:/opt/.../program.jar!/bundled/...: read with java.util.zip, which every Java
            // runtime has (the zip file system is a module of its own that a trimmed runtime may lack)
            String s = uri.toString();
            return unpack(Path.of(URI.create(s.substring("jar:".length(), s.indexOf("!/")))), cache);
        } catch (URISyntaxException | IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the bundled demo: " + e.getMessage(), e);
        }
    }

    /**
     * Copies the jar's {@value #RESOURCE_ROOT}/ folder to {@code cache/bundled-<hash>} unless a copy
     * with the same contents is there. The copy is made beside it and renamed into place, so two
     * programs starting at once, or one killed half-way, never leave a partial folder in use.
     */
    static Path unpack(Path jarFile, Path cache) throws IOException {
        try (ZipFile jar = new ZipFile(jarFile.toFile())) {
            List<ZipEntry> files = jar.stream().map(e -> (ZipEntry) e).filter(e -> !e.isDirectory())
                    .filter(e -> e.getName().startsWith(RESOURCE_ROOT + "/"))
                    .sorted(Comparator.comparing(ZipEntry::getName)).toList();
            Path target = cache.resolve("bundled-" + fingerprint(jar, files));
            if (Files.isDirectory(target)) {
                return target;
            }
            Files.createDirectories(cache);
            Path partial = Files.createTempDirectory(cache, "unpacking-");
            for (ZipEntry e : files) {
                Path to = partial.resolve(e.getName().substring(RESOURCE_ROOT.length() + 1)).normalize();
                if (!to.startsWith(partial)) {
                    throw new IOException("entry outside the bundled folder: " + e.getName());
                }
                Files.createDirectories(to.getParent());
                try (InputStream in = jar.getInputStream(e)) {
                    Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                deleteTree(partial); // another start unpacked it first
            }
            return target;
        }
    }

    /** A short hash of every file's name and contents: a new build with other files unpacks anew. */
    private static String fingerprint(ZipFile jar, List<ZipEntry> files) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (ZipEntry e : files) {
                sha.update((e.getName() + "\n").getBytes(StandardCharsets.UTF_8));
                try (InputStream in = jar.getInputStream(e)) {
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
