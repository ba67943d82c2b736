package io.github.xuke.licence;

/**
 * One material a licence type requires; a key material (关键材料) is never tolerated when missing.
 */
public record RequiredMaterial(String code, String name, boolean key) {}
