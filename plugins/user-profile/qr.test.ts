// The QR encoder checked against an independent decoder (jsQR): what it draws must read back as the input.
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { encodeQr } from './qr.js';

const PIXELS_PER_MODULE = 4;
const QUIET_ZONE = 4;

/** Draws the modules black on white with a quiet zone and decodes them. */
function decode(modules: boolean[][]) {
  const side = (modules.length + 2 * QUIET_ZONE) * PIXELS_PER_MODULE;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let py = 0; py < PIXELS_PER_MODULE; py++)
        for (let px = 0; px < PIXELS_PER_MODULE; px++) {
          const offset = (((y + QUIET_ZONE) * PIXELS_PER_MODULE + py) * side + (x + QUIET_ZONE) * PIXELS_PER_MODULE + px) * 4;
          rgba.fill(0, offset, offset + 3);
        }
    }),
  );
  return jsQR(rgba, side, side, { inversionAttempts: 'dontInvert' });
}

const versionOf = (modules: boolean[][]) => (modules.length - 17) / 4;
const uri = (length: number) => {
  const base = 'otpauth://totp/microclerk:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=microclerk&algorithm=SHA1&digits=6&period=30';
  return (base + '&pad=' + 'x'.repeat(Math.max(0, length - base.length - 5))).slice(0, length);
};
const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** Byte-mode capacity of error correction level M per version (Table 7), to pick inputs right at each limit. */
const CAPACITY_M = [
  14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666, 711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452,
  1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331,
];

describe('encodeQr', () => {
  it('test inputs have the intended byte lengths', () => {
    expect([uri(100), uri(250), uri(107)].map(utf8Length)).toEqual([100, 250, 107]);
    expect(utf8Length('Grüße, Ada — 二段階認証 ✓ 🔐')).toBe(41);
  });

  it.each([
    ['a short string', 'hi', 1],
    ['a 100-byte otpauth URI', uri(100), 6],
    ['a 250-byte otpauth URI', uri(250), 11],
    ['UTF-8 text with non-ASCII characters', 'Grüße, Ada — 二段階認証 ✓ 🔐', 3],
    ['a URI just past version 6 (version information)', uri(107), 7],
  ])('round-trips %s', (_, text, version) => {
    const modules = encodeQr(text);
    expect(versionOf(modules)).toBe(version);
    expect(modules.length).toBe(17 + 4 * version);
    modules.forEach((row) => expect(row).toHaveLength(modules.length));
    const result = decode(modules);
    expect(result?.data).toBe(text);
    expect(result?.version).toBe(version);
  });

  it('uses the smallest version that fits, for every version 1–40, and each one decodes', () => {
    CAPACITY_M.forEach((capacity, i) => {
      const version = i + 1;
      const full = encodeQr('q'.repeat(capacity));
      expect(full.length).toBe(17 + 4 * version);
      expect(decode(full)?.data).toBe('q'.repeat(capacity));
      if (version < 40) expect(encodeQr('q'.repeat(capacity + 1)).length).toBe(17 + 4 * (version + 1));
    });
  }, 60_000);

  it('draws the fixed patterns and picks a mask that decodes for varied content', () => {
    const modules = encodeQr('otpauth://totp/x');
    const size = modules.length;
    // Finder centres are dark, the separator beside them light; the timing patterns alternate.
    expect([modules[3][3], modules[3][size - 4], modules[size - 4][3]]).toEqual([true, true, true]);
    expect([modules[7][7], modules[7][size - 8], modules[size - 8][7]]).toEqual([false, false, false]);
    for (let i = 8; i < size - 8; i++) expect([modules[6][i], modules[i][6]]).toEqual([i % 2 == 0, i % 2 == 0]);
    expect(modules[size - 8][8]).toBe(true); // the dark module
    for (const text of ['', 'A', '0000000000', '\u0000\u00ff', 'https://example.com/' + 'ab'.repeat(40)]) expect(decode(encodeQr(text))?.data).toBe(text);
  });

  it('writes both copies of the format and version information (each alone suffices to decode)', () => {
    const text = uri(150);
    const size = encodeQr(text).length;
    expect(size).toBeGreaterThanOrEqual(17 + 4 * 7);
    // Module areas per the standard's figures, as [x, y] lists.
    const range = (from: number, to: number) => [...Array(to - from + 1)].map((_, i) => from + i);
    const format1 = [
      ...range(0, 8)
        .filter((x) => x != 6)
        .map((x) => [x, 8]),
      ...range(0, 7)
        .filter((y) => y != 6)
        .map((y) => [8, y]),
    ];
    const format2 = [...range(size - 8, size - 1).map((x) => [x, 8]), ...range(size - 7, size - 1).map((y) => [8, y])];
    const version1 = range(0, 5).flatMap((y) => range(size - 11, size - 9).map((x) => [x, y]));
    const version2 = version1.map(([x, y]) => [y, x]);
    const wiped = (...areas: number[][][]) => {
      const modules = encodeQr(text);
      areas.flat().forEach(([x, y]) => (modules[y][x] = false));
      return decode(modules)?.data;
    };
    expect(wiped(format1)).toBe(text);
    expect(wiped(format2)).toBe(text);
    expect(wiped(version1)).toBe(text);
    expect(wiped(version2)).toBe(text);
    // Wiping both copies makes it unreadable, so the checks above did exercise each copy.
    expect(wiped(format1, format2)).toBeUndefined();
    expect(wiped(version1, version2)).toBeUndefined();
  });

  it('throws a clear error when the text does not fit in version 40', () => {
    expect(() => encodeQr('x'.repeat(2332))).toThrow(/too long for a QR code: 2332 bytes, at most 2331/i);
    expect(() => encodeQr('é'.repeat(1200))).toThrow(/2400 bytes/);
  });
});
