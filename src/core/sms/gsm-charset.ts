/**
 * The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038 §6.2.1), as data.
 * Index in BASIC is the septet value; 0x1B is the escape to the extension table, so it holds no character.
 */
export const GSM_BASIC: readonly string[] = [
  '@', '£', '$', '¥', 'è', 'é', 'ù', 'ì', 'ò', 'Ç', '\n', 'Ø', 'ø', '\r', 'Å', 'å',
  'Δ', '_', 'Φ', 'Γ', 'Λ', 'Ω', 'Π', 'Ψ', 'Σ', 'Θ', 'Ξ', '', 'Æ', 'æ', 'ß', 'É',
  ' ', '!', '"', '#', '¤', '%', '&', "'", '(', ')', '*', '+', ',', '-', '.', '/',
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?',
  '¡', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O',
  'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Ä', 'Ö', 'Ñ', 'Ü', '§',
  '¿', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
  'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'ä', 'ö', 'ñ', 'ü', 'à',
];

/** Extension table: character -> septet after the escape. Each costs 2 septets on the air. */
export const GSM_EXTENSION: Readonly<Record<string, number>> = {
  '\f': 0x0a,
  '^': 0x14,
  '{': 0x28,
  '}': 0x29,
  '\\': 0x2f,
  '[': 0x3c,
  '~': 0x3d,
  ']': 0x3e,
  '|': 0x40,
  '€': 0x65,
};

/**
 * Septet cost of each UTF-16 code unit that is a GSM character (0 = not GSM), indexed by char code.
 * All GSM characters are in the BMP, so one lookup per code unit suffices.
 */
const COST = new Uint8Array(0x10000);
for (const c of GSM_BASIC) if (c) COST[c.charCodeAt(0)] = 1;
for (const c of Object.keys(GSM_EXTENSION)) COST[c.charCodeAt(0)] = 2;

/** Septets the code unit costs in GSM-7: 1 basic, 2 extension, 0 when it is not in the alphabet. */
export function gsmCost(codeUnit: number): number {
  return COST[codeUnit];
}

export function isGsmText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (COST[text.charCodeAt(i)] === 0) return false;
  return true;
}
