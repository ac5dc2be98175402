import crypto from 'node:crypto';
import QRCode from 'qrcode';

/** Check-in codes: 8 characters without look-alikes (no 0/O, 1/I/L), easy to read out and type. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

export function newCheckInCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
  return code;
}

/** The code as a QR SVG, sized by the page; error correction M survives a scuffed phone screen. */
export async function codeSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
