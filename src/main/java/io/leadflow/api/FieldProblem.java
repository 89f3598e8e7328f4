package io.leadflow.api;

/** One bad field of a request: its name (dotted for nested fields) and what is wrong with it. */
public record FieldProblem(String field, String message) {}
