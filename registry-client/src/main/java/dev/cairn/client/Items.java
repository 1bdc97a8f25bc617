package dev.cairn.client;

import java.util.List;

/** The {@code {"items": [...]}} envelope of list answers that are not paged. */
record Items<T>(List<T> items) {}
