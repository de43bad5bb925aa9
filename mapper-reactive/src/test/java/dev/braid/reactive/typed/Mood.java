package dev.braid.reactive.typed;

public enum Mood { SAD, OK, HAPPY }
