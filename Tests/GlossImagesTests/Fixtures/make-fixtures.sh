#!/bin/sh
# Makes the small pictures the GlossImages tests read (committed; run again to remake them).
# Needs libvips-tools, libimage-exiftool-perl and python3. All made here, no outside material.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A 120 × 80 photo-like picture (a gradient, so orientation shows), EXIF orientation 6 (turn
# 90° clockwise to view: upright it is 80 × 120) and a GPS position, an author and a comment.
vips xyz "$tmp/xy.v" 120 80
vips extract_band "$tmp/xy.v" "$tmp/x.v" 0
vips linear "$tmp/x.v" "$tmp/r.v" 2 0 --uchar
vips bandjoin "$tmp/r.v $tmp/r.v $tmp/r.v" "$tmp/rgb.v"
vips copy "$tmp/rgb.v" located.jpg[Q=70,strip]
exiftool -q -overwrite_original -n -Orientation=6 -GPSLatitude=35.6895 -GPSLatitudeRef=N \
  -GPSLongitude=139.6917 -GPSLongitudeRef=E -Artist="A Photographer" -Comment="shot at home" \
  -XMP-exif:GPSLatitude=35.6895 -XMP-exif:GPSLongitude=139.6917 located.jpg
# The same as PNG with an eXIf chunk holding the GPS position.
vips copy "$tmp/rgb.v" located.png[strip]
exiftool -q -overwrite_original -n -GPSLatitude=35.6895 -GPSLatitudeRef=N -GPSLongitude=139.6917 -GPSLongitudeRef=E located.png
# Decompression bombs: tiny files whose headers claim 50,000 × 50,000 pixels.
python3 - <<'PY'
import struct, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 50000, 50000, 8, 0, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(b"\0" * 50001 * 4, 9)) + chunk(b"IEND", b"")
open("bomb.png", "wb").write(png)
PY
# A real 16 × 16 JPEG whose frame header is then made to claim 50,000 × 50,000 pixels.
vips black "$tmp/small.v" 16 16
vips copy "$tmp/small.v" "$tmp/small.jpg[strip]"
python3 - "$tmp/small.jpg" <<'PY'
import struct, sys
data = bytearray(open(sys.argv[1], "rb").read())
sof = data.index(b"\xff\xc0")
data[sof + 5:sof + 9] = struct.pack(">HH", 50000, 50000)
open("bomb.jpg", "wb").write(bytes(data))
PY
# A two-frame animated GIF, 40 × 30.
vips black "$tmp/a.v" 40 30
vips linear "$tmp/a.v" "$tmp/b.v" 1 200 --uchar
vips join "$tmp/a.v" "$tmp/b.v" "$tmp/strip.v" vertical
vips copy "$tmp/strip.v" "animated.gif[page-height=30]"
ls -l located.jpg located.png bomb.png bomb.jpg animated.gif
