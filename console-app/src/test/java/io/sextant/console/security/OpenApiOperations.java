package io.sextant.console.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.json.JsonParserFactory;

/** The operations an OpenAPI document lists, and concrete paths for them. */
final class OpenApiOperations {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

    private OpenApiOperations() {
    }

    @SuppressWarnings("unchecked")
    static List<RoleMatrixTest.Operation> read(String document) {
        Map<String, Object> paths = (Map<String, Object>) JsonParserFactory.getJsonParser().parseMap(document).get("paths");
        List<RoleMatrixTest.Operation> operations = new ArrayList<>();
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
            if (METHODS.contains(method)) {
                Map<String, Object> body = (Map<String, Object>) ((Map<String, Object>) op).get("requestBody");
                boolean multipart = body != null && ((Map<String, Object>) body.getOrDefault("content", Map.of())).containsKey("multipart/form-data");
                operations.add(new RoleMatrixTest.Operation(method.toUpperCase(), path, body != null, multipart));
            }
        }));
        return operations;
    }

    /** The path with every variable filled from {@code known} (keyed by the path up to it), if all are known. */
    static Optional<String> known(String path, Map<String, String> known) {
        Matcher m = VARIABLE.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String value = known.get(path.substring(0, m.end()));
            if (value == null) {
                return Optional.empty();
            }
            m.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        m.appendTail(filled);
        return Optional.of(filled.toString());
    }

    /** The path with every variable a fresh random id, which names nothing. */
    static String unknown(String path) {
        return VARIABLE.matcher(path).replaceAll(r -> UUID.randomUUID().toString());
    }
}
