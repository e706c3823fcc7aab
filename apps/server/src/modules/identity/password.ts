import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

// argon2id at the OWASP baseline: 19 MiB, 2 passes, 1 lane. The enum is declared `const`,
// which isolated modules cannot read, hence the literal.
const ARGON2ID = 2 as Algorithm;
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** False for a wrong password and for a stored value that is not an argon2 hash at all. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/**
 * Verifies the password against a throwaway hash, so that signing in as a user who does not
 * exist takes as long as signing in as one who does.
 */
export async function verifyAgainstDecoy(password: string): Promise<void> {
  decoy ??= hashPassword(randomBytes(24).toString('base64url'));
  await verifyPassword(await decoy, password);
}

/** 20 characters from a 64-symbol alphabet: 120 bits, easy to type from a printout. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
