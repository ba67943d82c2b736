package io.github.xuke.system;

import java.util.Set;

/**
 * A feature's contribution to the seed: the staff groups that may start its process from Tasklist.
 * Declared as a bean by the module that owns the process; the seed grants what the beans say.
 */
public record ProcessStarters(String processDefinitionKey, Set<StaffGroup> groups) {}
