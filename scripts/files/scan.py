#!/usr/bin/env python3
"""scripts/files/scan.py IN.pgm OUT.png [--noise P --rotate DEG --seed N] [--pdf OUT.pdf]

A grey page (a binary PGM, as pdftoppm -gray writes it) as a PNG, with
salt-and-pepper noise on a share P of its pixels and turned by DEG degrees
(what a scanner does to a page), and, with --pdf, as a PDF of one page that
holds the image only: a scan, without a text layer.  Python's own zlib and
struct: no imaging library is needed."""
import math, random, struct, sys, zlib

def read_pgm(path):
    data = open(path, 'rb').read()
    fields, i = [], 0
    while len(fields) < 4:
        while data[i:i+1].isspace():
            i += 1
        if data[i:i+1] == b'#':
            while data[i:i+1] not in (b'\n', b''):
                i += 1
            continue
        j = i
        while not data[j:j+1].isspace():
            j += 1
        fields.append(data[i:j])
        i = j
    assert fields[0] == b'P5' and int(fields[3]) == 255
    w, h = int(fields[1]), int(fields[2])
    return w, h, bytearray(data[i+1:i+1+w*h])

def rotate(w, h, px, deg):
    a = math.radians(deg)
    c, s = math.cos(a), math.sin(a)
    cx, cy = w / 2, h / 2
    out = bytearray(b'\xff' * (w * h))
    for y in range(h):
        dy = y - cy
        bx, by = -cx * c + dy * s + cx, cx * s + dy * c + cy
        row = y * w
        for x in range(w):
            sx, sy = int(bx + x * c), int(by - x * s)
            if 0 <= sx < w and 0 <= sy < h:
                out[row + x] = px[sy * w + sx]
    return out

def noise(w, h, px, p, rnd):
    for _ in range(int(w * h * p)):
        px[rnd.randrange(w * h)] = 0 if rnd.random() < 0.5 else 255

def png(path, w, h, px):
    raw = b''.join(b'\0' + bytes(px[y*w:(y+1)*w]) for y in range(h))
    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + \
            struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    ihdr = struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0)
    # 300 dpi: 11811 pixels a metre.
    phys = struct.pack('>IIB', 11811, 11811, 1)
    open(path, 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) +
        chunk(b'pHYs', phys) + chunk(b'IDAT', zlib.compress(raw, 9)) +
        chunk(b'IEND', b''))

def pdf(path, w, h, px):
    img = zlib.compress(bytes(px), 9)
    pw, ph = w * 72 / 300, h * 72 / 300
    content = b'q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q' % (pw, ph)
    objs = [
        b'<< /Type /Catalog /Pages 2 0 R >>',
        b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] '
        b'/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>' % (pw, ph),
        b'<< /Type /XObject /Subtype /Image /Width %d /Height %d '
        b'/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode '
        b'/Length %d >>\nstream\n' % (w, h, len(img)) + img + b'\nendstream',
        b'<< /Length %d >>\nstream\n' % len(content) + content + b'\nendstream',
    ]
    out, offs = b'%PDF-1.4\n', []
    for n, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b'%d 0 obj\n' % n + o + b'\nendobj\n'
    x = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    out += b''.join(b'%010d 00000 n \n' % o for o in offs)
    out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (
        len(objs) + 1, x)
    open(path, 'wb').write(out)

def main(argv):
    args = {'--noise': '0', '--rotate': '0', '--seed': '1', '--pdf': None}
    pos = []
    i = 0
    while i < len(argv):
        if argv[i] in args:
            args[argv[i]] = argv[i + 1]
            i += 2
        else:
            pos.append(argv[i])
            i += 1
    w, h, px = read_pgm(pos[0])
    if float(args['--rotate']):
        px = rotate(w, h, px, float(args['--rotate']))
    if float(args['--noise']):
        noise(w, h, px, float(args['--noise']), random.Random(int(args['--seed'])))
    png(pos[1], w, h, px)
    if args['--pdf']:
        pdf(args['--pdf'], w, h, px)

main(sys.argv[1:])
