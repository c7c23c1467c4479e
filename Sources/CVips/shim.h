// libvips (Debian libvips-dev) for GlossImages, the only code that touches its pointers.
// libvips's optional arguments are C varargs, which Swift cannot call: each wrapper below fixes
// the arguments Gloss uses, so Swift sees plain functions.
#include <vips/vips.h>
#include <webp/mux.h>

static inline void gloss_vips_quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {}

/// Starts libvips once per process, set up for untrusted input and for many pictures at once:
/// one thread per pipeline (Gloss runs one pipeline per core), no operation cache (every
/// picture is processed once), and the loaders libvips marks untrusted blocked.
static inline int gloss_vips_start(void) {
    if (VIPS_INIT("gloss")) return -1;
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_cache_set_max_files(0);
    vips_block_untrusted_set(TRUE);
    // libvips warns on stderr about damaged files (which Gloss reports itself, once, by name).
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, gloss_vips_quiet, NULL);
    return 0;
}

/// Opens a picture held in memory, reading only its header (pixels are decoded on demand, top
/// to bottom). The buffer must outlive the image.
static inline VipsImage *gloss_vips_open(const void *bytes, size_t length) {
    return vips_image_new_from_buffer(bytes, length, "", "access", VIPS_ACCESS_SEQUENTIAL,
                                      "fail_on", VIPS_FAIL_ON_ERROR, NULL);
}

/// The picture at `width` pixels wide (never larger than it is), upright (EXIF orientation
/// applied), in sRGB; loaders that can shrink while decoding (JPEG, WebP) do.
static inline int gloss_vips_thumbnail_buffer(const void *bytes, size_t length, int width, int animated, VipsImage **out) {
    return vips_thumbnail_buffer((void *)bytes, length, out, width, "height", VIPS_MAX_COORD,
                                 "size", VIPS_SIZE_DOWN, "export_profile", "srgb",
                                 "option_string", animated ? "n=-1" : "", "fail_on", VIPS_FAIL_ON_ERROR, NULL);
}

/// A smaller copy of an already decoded picture.
static inline int gloss_vips_thumbnail_image(VipsImage *in, int width, VipsImage **out) {
    return vips_thumbnail_image(in, out, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, NULL);
}

/// A picture with transparency on white, for JPEG, which has none.
static inline int gloss_vips_flatten(VipsImage *in, VipsImage **out) {
    VipsArrayDouble *white = vips_array_double_newv(1, 255.0);
    int result = vips_flatten(in, out, "background", white, NULL);
    vips_area_unref(VIPS_AREA(white));
    return result;
}

/// Decodes a picture into memory, so smaller sizes can be made from it without decoding again.
static inline VipsImage *gloss_vips_in_memory(VipsImage *in) {
    return vips_image_copy_memory(in);
}

/// A copy of the picture's header (sharing its pixels) with every piece of metadata removed:
/// EXIF (GPS included), XMP, IPTC, ICC, comments, orientation. Only what describes the pixels,
/// and an animation's frames and timing, is kept. Savers' own `strip` is also set, but
/// libvips 8.14 still writes EXIF and XMP into WebP with it: removal is what is relied on.
static inline int gloss_vips_without_metadata(VipsImage *in, VipsImage **out) {
    static const char *keep[] = {
        "width", "height", "bands", "format", "coding", "interpretation", "xoffset", "yoffset", "xres", "yres",
        "filename", "mode", "scale", "offset", "page-height", "n-pages", "delay", "loop", "gif-delay", "gif-loop",
        NULL
    };
    if (vips_copy(in, out, NULL)) return -1;
    gchar **fields = vips_image_get_fields(*out);
    for (int i = 0; fields && fields[i]; i++) {
        int kept = 0;
        for (int k = 0; keep[k]; k++) if (!strcmp(fields[i], keep[k])) { kept = 1; break; }
        if (!kept) vips_image_remove(*out, fields[i]);
    }
    g_strfreev(fields);
    return 0;
}

// Encoders, given pictures without metadata (above); `strip` asks the savers for the same.
static inline int gloss_vips_jpeg(VipsImage *in, int quality, void **bytes, size_t *length) {
    return vips_jpegsave_buffer(in, bytes, length, "Q", quality, "strip", TRUE, "optimize_coding", TRUE,
                                "interlace", TRUE, NULL);
}
static inline int gloss_vips_webp(VipsImage *in, int quality, int effort, void **bytes, size_t *length) {
    return vips_webpsave_buffer(in, bytes, length, "Q", quality, "effort", effort, "strip", TRUE, NULL);
}
static inline int gloss_vips_png(VipsImage *in, void **bytes, size_t *length) {
    return vips_pngsave_buffer(in, bytes, length, "compression", 6, "strip", TRUE, NULL);
}
static inline int gloss_vips_gif(VipsImage *in, void **bytes, size_t *length) {
    return vips_gifsave_buffer(in, bytes, length, "strip", TRUE, NULL);
}

/// A WebP file without its EXIF, XMP and ICC chunks (libwebpmux, which libvips writes WebP
/// metadata with): libvips 8.14 rebuilds a small EXIF block from the picture's resolution even
/// after every field is removed. `out` is WebP's to free (`WebPDataClear`).
static inline int gloss_webp_without_metadata(const uint8_t *bytes, size_t length, WebPData *out) {
    WebPData input = { bytes, length };
    WebPMux *mux = WebPMuxCreate(&input, 0);
    if (!mux) return -1;
    WebPMuxDeleteChunk(mux, "EXIF");
    WebPMuxDeleteChunk(mux, "XMP ");
    WebPMuxDeleteChunk(mux, "ICCP");
    WebPDataInit(out);
    WebPMuxError error = WebPMuxAssemble(mux, out);
    WebPMuxDelete(mux);
    return error == WEBP_MUX_OK ? 0 : -1;
}

/// A photo-like picture made from nothing (tests, benchmarks): colour gradients across and
/// down, with grain from seeded noise, so encoders do real work. 8-bit sRGB.
static inline int gloss_vips_sample(int width, int height, int seed, VipsImage **out) {
    VipsImage *xy = NULL, *x = NULL, *y = NULL, *noise = NULL, *r = NULL, *g = NULL, *b = NULL, *rgb = NULL;
    int status = -1;
    if (vips_xyz(&xy, width, height, NULL) || vips_extract_band(xy, &x, 0, NULL) || vips_extract_band(xy, &y, 1, NULL)
        || vips_gaussnoise(&noise, width, height, "mean", 0.0, "sigma", 18.0, "seed", seed, NULL)) goto done;
    {
        VipsImage *rx = NULL, *gy = NULL, *sum = NULL, *bx = NULL;
        int failed = vips_linear1(x, &rx, 200.0 / width, 30.0, NULL) || vips_add(rx, noise, &r, NULL)
            || vips_linear1(y, &gy, 180.0 / height, 40.0, NULL) || vips_add(gy, noise, &g, NULL)
            || vips_add(x, y, &sum, NULL) || vips_linear1(sum, &bx, 120.0 / (width + height), 90.0, NULL)
            || vips_add(bx, noise, &b, NULL);
        if (rx) g_object_unref(rx);
        if (gy) g_object_unref(gy);
        if (sum) g_object_unref(sum);
        if (bx) g_object_unref(bx);
        if (failed) goto done;
    }
    VipsImage *bands[3] = { r, g, b };
    if (vips_bandjoin(bands, &rgb, 3, NULL) || vips_cast_uchar(rgb, out, NULL)) goto done;
    vips_image_set_int(*out, "interpretation", VIPS_INTERPRETATION_sRGB);
    status = 0;
done:
    if (xy) g_object_unref(xy);
    if (x) g_object_unref(x);
    if (y) g_object_unref(y);
    if (noise) g_object_unref(noise);
    if (r) g_object_unref(r);
    if (g) g_object_unref(g);
    if (b) g_object_unref(b);
    if (rgb) g_object_unref(rgb);
    return status;
}

/// JPEG keeping the metadata fields set on the picture (EXIF from `exif-ifdN-Name` fields).
static inline int gloss_vips_jpeg_keeping_metadata(VipsImage *in, void **bytes, size_t *length) {
    return vips_jpegsave_buffer(in, bytes, length, "Q", 85, NULL);
}

/// Fields of the header, so Swift can read ints and strings without GValue.
static inline int gloss_vips_int(VipsImage *image, const char *name, int fallback) {
    int value;
    if (vips_image_get_typeof(image, name) == 0 || vips_image_get_int(image, name, &value)) {
        vips_error_clear();
        return fallback;
    }
    return value;
}
