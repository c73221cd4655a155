// Windows-1252's characters in 0x80–0x9F, by the byte each stands for; the rest of 0x80–0xFF is Latin-1.
const CP1252: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};
const SUSPECT = /[\u00c2-\u00f4][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]+(?:[\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]*)/g;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Undoes the commonest broken encoding in published data: UTF-8 read as Windows-1252 ("â€¯" for a
 * narrow no-break space, "Ã©" for "é"). Each suspicious run is re-decoded on its own, and kept as it was
 * unless it decodes cleanly, so correct accented text is never touched.
 */
export function repairMojibake(text: string): { text: string; repaired: boolean } {
  let repaired = false;
  const fixed = text.replace(SUSPECT, (run) => {
    const bytes: number[] = [];
    for (const char of run) {
      const code = char.charCodeAt(0);
      const byte = CP1252[char] ?? (code <= 0xff ? code : -1);
      if (byte < 0) return run;
      bytes.push(byte);
    }
    try {
      const decoded = utf8.decode(Uint8Array.from(bytes));
      repaired = true;
      return decoded;
    } catch {
      return run;
    }
  });
  return { text: fixed, repaired };
}
