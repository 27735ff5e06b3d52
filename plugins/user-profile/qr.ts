/**
 * A QR Code encoder (ISO/IEC 18004) for the TOTP setup screen: byte mode (UTF-8), error correction
 * level M, the smallest version that fits (1–40), and the mask with the lowest penalty score.
 */

// Level M, versions 1–40 (Table 9): error correction codewords per block, and the number of blocks.
const EC_PER_BLOCK = [
  10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
  28,
];
const BLOCKS = [
  1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
];

// GF(256) with the primitive polynomial x⁸+x⁴+x³+x²+1 (0x11d), α = 2.
const EXP: number[] = [];
const LOG: number[] = [];
for (let i = 0, x = 1; i < 255; i++, x = (x << 1) ^ (x & 128 ? 0x11d : 0)) {
  EXP[i] = x;
  LOG[x] = i;
}
const mul = (a: number, b: number) => (a && b ? EXP[(LOG[a] + LOG[b]) % 255] : 0);

/** The Reed–Solomon remainder of `data`·xⁿ divided by the generator ∏(x − αⁱ), i < n. */
function errorCorrection(data: number[], n: number) {
  let generator = [1];
  for (let i = 0; i < n; i++) generator = [...generator, 0].map((c, k) => c ^ (k ? mul(generator[k - 1], EXP[i]) : 0));
  let remainder = Array<number>(n).fill(0);
  for (const byte of data) {
    const factor = byte ^ remainder[0];
    remainder = [...remainder.slice(1), 0].map((r, k) => r ^ mul(generator[k + 1], factor));
  }
  return remainder;
}

/** `data` followed by its BCH check bits over the generator polynomial `poly`. */
function bch(data: number, poly: number) {
  const degree = 31 - Math.clz32(poly);
  let rest = data << degree;
  for (let top; (top = 31 - Math.clz32(rest)) >= degree;) rest ^= poly << (top - degree);
  return (data << degree) | rest;
}

const MASKS: Array<(y: number, x: number) => number | boolean> = [
  (y, x) => (y + x) % 2 == 0,
  (y) => y % 2 == 0,
  (_, x) => x % 3 == 0,
  (y, x) => (y + x) % 3 == 0,
  (y, x) => ((y >> 1) + ((x / 3) | 0)) % 2 == 0,
  (y, x) => ((y * x) % 2) + ((y * x) % 3) == 0,
  (y, x) => (((y * x) % 2) + ((y * x) % 3)) % 2 == 0,
  (y, x) => (((y + x) % 2) + ((y * x) % 3)) % 2 == 0,
];

/** Penalty rules N1–N4: long runs, 2×2 blocks, finder-like 1:1:3:1:1 runs beside 4 light modules, dark/light imbalance. */
function penalty(modules: boolean[][]) {
  const size = modules.length;
  let score = 0;
  let dark = 0;
  for (const line of [...modules, ...modules.map((_, x) => modules.map((row) => row[x]))]) {
    let run = 0;
    line.forEach((on, i) => {
      run = i && on == line[i - 1] ? run + 1 : 1;
      score += run == 5 ? 3 : run > 5 ? 1 : 0;
    });
    score +=
      40 *
      (line
        .map(Number)
        .join('')
        .match(/(?=10111010000|00001011101)/g)?.length ?? 0);
  }
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const on = modules[y][x];
      dark += +on;
      if (y && x && on == modules[y - 1][x] && on == modules[y][x - 1] && on == modules[y - 1][x - 1]) score += 3;
    }
  return score + 10 * Math.floor(Math.abs((dark * 20) / size ** 2 - 10));
}

/** The modules of the QR code for `text`, row by row (`true` = dark), without the quiet zone. */
export function encodeQr(text: string): boolean[][] {
  const bytes = new TextEncoder().encode(text);
  for (let version = 1; version <= 40; version++) {
    const size = 17 + 4 * version;
    const modules = [...Array(size)].map(() => Array<boolean>(size).fill(false));
    const reserved = modules.map((row) => row.map(() => false));
    const set = (x: number, y: number, on: number | boolean) => {
      modules[y][x] = !!on;
      reserved[y][x] = true;
    };
    const drawFormat = (mask: number) => {
      // Level M is 00, so the five data bits are just the mask number.
      const bits = bch(mask, 0x537) ^ 0x5412;
      for (let i = 0; i < 15; i++) {
        const bit = (bits >> i) & 1;
        set(8, i < 6 ? i : i < 8 ? i + 1 : size - 15 + i, bit);
        set(i < 8 ? size - 1 - i : i < 9 ? 7 : 14 - i, 8, bit);
      }
      set(8, size - 8, 1);
    };

    // Finder patterns with their separators; the parts outside the symbol are clipped.
    for (const [cx, cy] of [
      [3, 3],
      [size - 4, 3],
      [3, size - 4],
    ])
      for (let dy = -4; dy <= 4; dy++)
        for (let dx = -4; dx <= 4; dx++) {
          const ring = Math.max(Math.abs(dx), Math.abs(dy));
          if (modules[cy + dy]?.[cx + dx] != null) set(cx + dx, cy + dy, ring != 2 && ring != 4);
        }
    // Alignment patterns at every pair of centres (Annex E) except those on the finders. Centres are even,
    // so the patterns on row and column 6 agree with the timing patterns drawn after them.
    if (version > 1) {
      const count = ((version / 7) | 0) + 2;
      const step = version == 32 ? 26 : Math.ceil((size - 13) / (count - 1) / 2) * 2;
      const centres = [6, ...[...Array(count - 1)].map((_, i) => size - 7 - (count - 2 - i) * step)];
      for (const cy of centres)
        for (const cx of centres)
          if (!reserved[cy][cx])
            for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) != 1);
    }
    for (let i = 8; i < size - 8; i++) {
      set(6, i, i % 2 == 0);
      set(i, 6, i % 2 == 0);
    }
    drawFormat(0);
    if (version > 6) {
      const bits = bch(version, 0x1f25);
      for (let i = 0; i < 18; i++) {
        const a = size - 11 + (i % 3);
        const b = (i / 3) | 0;
        set(a, b, (bits >> i) & 1);
        set(b, a, (bits >> i) & 1);
      }
    }

    const capacity = (reserved.flat().filter((r) => !r).length >> 3) - BLOCKS[version - 1] * EC_PER_BLOCK[version - 1];
    const bits: number[] = [];
    const put = (value: number, length: number) => {
      for (let i = length; i--;) bits.push((value >> i) & 1);
    };
    put(4, 4);
    put(bytes.length, version < 10 ? 8 : 16);
    bytes.forEach((byte) => put(byte, 8));
    if (bits.length > capacity * 8) continue;
    put(0, Math.min(4, capacity * 8 - bits.length));
    put(0, -bits.length & 7);
    for (let pad = 0xec; bits.length < capacity * 8; pad ^= 0xec ^ 0x11) put(pad, 8);

    // Split into blocks (the short ones first), add error correction and interleave.
    const blockCount = BLOCKS[version - 1];
    const ecLength = EC_PER_BLOCK[version - 1];
    const shortLength = Math.floor(capacity / blockCount);
    const blocks: number[][] = [];
    for (let b = 0, offset = 0; b < blockCount; b++) {
      const length = shortLength + +(b >= blockCount - (capacity % blockCount));
      blocks.push([...Array(length)].map((_, i) => parseInt(bits.slice((offset + i) * 8, (offset + i) * 8 + 8).join(''), 2)));
      offset += length;
    }
    const corrections = blocks.map((block) => errorCorrection(block, ecLength));
    const codewords: number[] = [];
    for (let i = 0; i <= shortLength; i++) blocks.forEach((block) => i < block.length && codewords.push(block[i]));
    for (let i = 0; i < ecLength; i++) corrections.forEach((block) => codewords.push(block[i]));

    // Place the bits in two-module columns from the bottom right, zigzagging up and down, skipping column 6.
    let index = 0;
    for (let right = size - 1; right > 0; right -= 2) {
      if (right == 6) right = 5;
      for (let step = 0; step < size; step++)
        for (let x = right; x > right - 2; x--) {
          const y = (right + 1) & 2 ? step : size - 1 - step;
          if (!reserved[y][x]) modules[y][x] = ((codewords[index >> 3] >> (7 - (index++ & 7))) & 1) == 1;
        }
    }

    const applyMask = (mask: number) => {
      modules.forEach((row, y) => row.forEach((on, x) => reserved[y][x] || (row[x] = on != !!MASKS[mask](y, x))));
      drawFormat(mask);
    };
    let best = 0;
    let bestScore = Infinity;
    for (let mask = 0; mask < 8; mask++) {
      applyMask(mask);
      const score = penalty(modules);
      if (score < bestScore) [best, bestScore] = [mask, score];
      applyMask(mask);
    }
    applyMask(best);
    return modules;
  }
  throw new RangeError(`Text too long for a QR code: ${bytes.length} bytes, at most 2331`);
}

/**
 * The QR code for `text` as one SVG path of its dark modules (a rectangle per horizontal run keeps it short)
 * inside a 4-module quiet zone, and the side of that square; null if the text does not fit a QR code.
 */
export function qrPath(text: string): { d: string; side: number } | null {
  let modules: boolean[][];
  try {
    modules = encodeQr(text);
  } catch {
    return null;
  }
  let d = '';
  modules.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      let end = x;
      while (row[end]) end++;
      if (end > x) d += `M${x + 4} ${y + 4}h${end - x}v1h${x - end}z`;
      x = end;
    }
  });
  return { d, side: modules.length + 8 };
}
