package org.itsm.support.rest;

import java.util.List;

/** One page of a list, with the total count over all pages. */
public record PageResult<T>(List<T> items, int page, int size, long total) {
}
