/**
 * Time-based one-time passwords (RFC 6238) with otplib: 6 digits, 30-second steps, one
 * step of clock drift either way. A code is accepted once: the step it matched is stored
 * and earlier or equal steps are refused (replay). Enrolment QR codes are drawn on the
 * server as SVG, so no image service ever sees the secret.
 */
import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

export const TOTP_ISSUER = 'Cổng';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/** The enrolment QR code as an inline SVG string (no colour, scales with CSS). */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** The time step a valid code belongs to, or null; `after` refuses steps already used. */
export async function checkTotp(secret: string, code: string, after: number | null): Promise<number | null> {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = await verify({ secret, token, epochTolerance: 30, ...(after !== null ? { afterTimeStep: after } : {}) });
    // The functional API types HOTP and TOTP results together; TOTP ones carry timeStep.
    const step = (result as { timeStep?: number }).timeStep;
    return result.valid && typeof step === 'number' ? step : null;
  } catch {
    return null;
  }
}

/** The current code: for the demo's `demo:totp` command and for tests. */
export function currentTotp(secret: string): Promise<string> {
  return generate({ secret });
}
