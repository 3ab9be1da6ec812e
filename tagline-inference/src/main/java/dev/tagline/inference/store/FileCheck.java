package dev.tagline.inference.store;

import java.nio.file.Path;

/**
 * The result of re-hashing one cached file. {@code expected} is the catalog's SHA-256, else the one recorded when the
 * file was verified on arrival; null when there is neither ({@code UNVERIFIED}: a file copied in by hand for an entry
 * that pins no hash, which nothing can check). A {@code MISMATCH} file is removed from the cache, so the next pull
 * fetches it again; an {@code UNVERIFIED} one stays.
 */
public record FileCheck(String model, String file, Path path, Status status, String expected, String actual) {
    public enum Status { OK, MISMATCH, MISSING, UNVERIFIED }
}
