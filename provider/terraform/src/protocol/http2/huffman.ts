// Decoding of HPACK's Huffman-coded strings (RFC 7541 section 5.2 and Appendix B). Clients such
// as grpc-go Huffman-encode a header string whenever that is shorter; we never encode with it.

/**
 * The code length in bits of each symbol 0..256 (256 is EOS), one character per symbol: the hex
 * digits 5-f stand for 5-15 bits, the letters g-u for 16-30 (base-36 digits). The code is canonical (codes of one
 * length are consecutive in symbol order and shorter codes sort first), so the lengths alone
 * determine every code of Appendix B.
 */
const codeLengths =
  "dnsssssssoussussssssssusssssssss6aacd68baa8b8666555666666678f6cad67777777777777777777777878djde6f56565666577666567655677777fbed" +
  "skmkkmmmnmnnnnnonoomnonnnnlmnmnnomlkmmnnlnmmolmnnllmlnmnnkmmmnmmnqqkjmnmpqqqrrqopjlqrrqrollqqsrrrkoklmllnmmppooqnqrqqrrrrrsrrrrrq" +
  "u";

const EOS = 256;

/** The canonical code of each symbol, built from `codeLengths`; exported for the tests' encoder. */
export const huffmanCodes: readonly { code: number; bits: number }[] = (() => {
  const bits = [...codeLengths].map((c) => parseInt(c, 36));
  const order = bits.map((_, symbol) => symbol).sort((a, b) => bits[a]! - bits[b]! || a - b);
  const codes = new Array<{ code: number; bits: number }>(bits.length);
  let code = 0;
  let previousBits = bits[order[0]!]!;
  for (const [i, symbol] of order.entries()) {
    const length = bits[symbol]!;
    if (i > 0) code = (code + 1) * 2 ** (length - previousBits); // 30-bit codes overflow `<<`
    previousBits = length;
    codes[symbol] = { code, bits: length };
  }
  return codes;
})();

/**
 * A binary tree over the codes, walked one bit at a time: node n's children are `next[2n]` (bit 0)
 * and `next[2n + 1]` (bit 1); a negative child is a leaf holding symbol `-child - 1`.
 * Built when the module loads, so a startup snapshot holds it.
 */
const next = (() => {
  const tree = new Int32Array(2 * 512);
  let nodes = 1;
  for (const [symbol, { code, bits }] of huffmanCodes.entries()) {
    let node = 0;
    for (let bit = bits - 1; bit >= 0; bit--) {
      const slot = 2 * node + (Math.floor(code / 2 ** bit) & 1);
      if (bit === 0) tree[slot] = -symbol - 1;
      else node = tree[slot] || (tree[slot] = nodes++);
    }
  }
  return tree;
})();

export class HuffmanError extends Error {}

/** The octets that `encoded` stands for. */
export function huffmanDecode(encoded: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(Math.ceil((encoded.length * 8) / 5)); // no code is shorter than 5 bits
  let length = 0;
  let node = 0;
  // Since the last whole symbol: how many bits, and whether all were 1 (the only valid padding).
  let pendingBits = 0;
  let pendingOnes = true;
  for (const byte of encoded) {
    for (let bit = 7; bit >= 0; bit--) {
      const one = (byte >> bit) & 1;
      const child = next[2 * node + one]!;
      pendingBits++;
      pendingOnes &&= one === 1;
      if (child < 0) {
        const symbol = -child - 1;
        if (symbol === EOS) throw new HuffmanError("Huffman string contains EOS");
        out[length++] = symbol;
        node = 0;
        pendingBits = 0;
        pendingOnes = true;
      } else {
        node = child;
      }
    }
  }
  // Padding is the most significant bits of EOS (all ones) and shorter than one octet.
  if (pendingBits > 7 || !pendingOnes) throw new HuffmanError("invalid Huffman padding");
  return out.subarray(0, length);
}

/** Huffman-encodes `octets` (the tests play a client with it; the server sends literals). */
export function huffmanEncode(octets: Uint8Array): Buffer {
  const bytes: number[] = [];
  let acc = 0;
  let accBits = 0;
  for (const octet of octets) {
    const { code, bits } = huffmanCodes[octet]!;
    for (let bit = bits - 1; bit >= 0; bit--) {
      acc = (acc << 1) | (Math.floor(code / 2 ** bit) & 1);
      if (++accBits === 8) {
        bytes.push(acc);
        acc = 0;
        accBits = 0;
      }
    }
  }
  if (accBits > 0) bytes.push((acc << (8 - accBits)) | (0xff >> accBits));
  return Buffer.from(bytes);
}
