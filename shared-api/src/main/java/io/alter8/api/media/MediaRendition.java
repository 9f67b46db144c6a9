package io.alter8.api.media;

import io.alter8.api.document.StoredFile;

/** One smaller version of an image: its size, its stored file and its pixels. */
public record MediaRendition(RenditionSize size, StoredFile file, int width, int height) {
}
