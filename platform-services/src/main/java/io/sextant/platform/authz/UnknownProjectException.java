package io.sextant.platform.authz;

/** No project with that id (or slug) exists, or it is not visible. */
public class UnknownProjectException extends RuntimeException {

    public UnknownProjectException(String project) {
        super("Unknown project: " + project);
    }
}
