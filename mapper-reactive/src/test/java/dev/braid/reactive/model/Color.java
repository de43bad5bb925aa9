package dev.braid.reactive.model;

public enum Color { RED, GREEN, BLUE }
