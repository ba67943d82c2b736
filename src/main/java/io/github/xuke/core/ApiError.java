package io.github.xuke.core;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every error of the app's API: a stable code, the field at fault, a message. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String code, String field, String message) {}
