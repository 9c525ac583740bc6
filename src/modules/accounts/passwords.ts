/**
 * Password hashing (argon2id) and the level-3 password policy.
 *
 * Parameters: 64 MiB memory, 3 passes, 1 lane — measured at about 100–200 ms per hash on
 * this project's 2-core machines (see README "Mật khẩu / Passwords"). Hashing runs at most
 * two at a time so a burst of sign-ins queues instead of starving the event loop's threads.
 */
import type * as Argon2 from '@node-rs/argon2';

/** Algorithm.Argon2id of @node-rs/argon2 (a const enum, which type stripping cannot import). */
const ARGON2ID = 2;

export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 65536, timeCost: 3, parallelism: 1 } as const;
const MAX_CONCURRENT_HASHES = 2;

class Semaphore {
  #free: number;
  readonly #waiting: (() => void)[] = [];
  constructor(n: number) {
    this.#free = n;
  }
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free++;
    }
  }
}

const gate = new Semaphore(MAX_CONCURRENT_HASHES);

// The native module is loaded on first use: most processes (a public-only node) never hash.
let argon2: typeof Argon2 | undefined;
async function lib(): Promise<typeof Argon2> {
  argon2 ??= await import('@node-rs/argon2');
  return argon2;
}

export function hashPassword(password: string): Promise<string> {
  return gate.run(async () => (await lib()).hash(password.normalize('NFC'), ARGON2_OPTIONS));
}

export function verifyPassword(stored: string, password: string): Promise<boolean> {
  return gate.run(async () => (await lib()).verify(stored, password.normalize('NFC')).catch(() => false));
}

/** Common passwords (international and Vietnamese) refused outright, compared case-insensitively. */
const COMMON = new Set(
  [
    '123456789012',
    'password1234',
    'password@123',
    'matkhau12345',
    'matkhau@1234',
    'anhyeuem1234',
    'admin@123456',
    'qwerty123456',
    'abc@12345678',
    'iloveyou1234',
    'welcome@1234',
    'administrator',
    'p@ssw0rd1234',
    'passw0rd!234',
    'admin1234567',
    'vietnam12345',
    'hanoi@123456',
    'Matkhau@123',
    'Admin@123456',
    'Abc@123456789',
    'Password@123',
  ].map((p) => p.toLowerCase()),
);

export const MIN_PASSWORD_LENGTH = 12;

/** Problems with a new password under the level-3 policy (empty when acceptable). */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push(`Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`);
  if (password.length > 256) problems.push('Mật khẩu dài quá 256 ký tự.');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 4) problems.push('Mật khẩu cần có chữ thường, chữ hoa, chữ số và ký tự đặc biệt.');
  if (COMMON.has(password.toLowerCase())) problems.push('Mật khẩu này quá phổ biến, hãy chọn mật khẩu khác.');
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && password.toLowerCase().includes(local)) problems.push('Mật khẩu không được chứa tên tài khoản.');
  return problems;
}

/** A real argon2id hash of a random password: verifying against it costs what a real check costs. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$Vx7wJ0q6b6vJ0sZzZ7m0QeWcQ5e0xgk3o0mS7l8f4bI';

/** Spends the time of a password check when there is no account, so timing tells nothing. */
export async function dummyVerify(password: string): Promise<void> {
  await verifyPassword(DUMMY_HASH, password);
}
