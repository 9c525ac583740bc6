/**
 * npm run bench:argon2 — what one argon2id password hash costs here with the parameters of
 * src/modules/accounts/passwords.ts (target 100–300 ms), and how a burst of 8 sign-ins is
 * queued by the concurrency limit (at most 2 at a time) instead of taking every core.
 */
import { ARGON2_OPTIONS, hashPassword, verifyPassword } from '../src/modules/accounts/passwords.ts';

const runs = 10;
await hashPassword('warm-up Mật-khẩu@2026');
const times: number[] = [];
let hash = '';
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  hash = await hashPassword(`Mật-khẩu@2026-${i}`);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const t0 = performance.now();
await Promise.all(Array.from({ length: 8 }, () => verifyPassword(hash, 'sai mật khẩu')));
const burst = performance.now() - t0;

console.log(`argon2id m=${ARGON2_OPTIONS.memoryCost} KiB, t=${ARGON2_OPTIONS.timeCost}, p=${ARGON2_OPTIONS.parallelism}`);
console.log('| measure | ms |');
console.log('|---|---:|');
console.log(`| one hash, median of ${runs} | ${times[Math.floor(runs / 2)]!.toFixed(0)} |`);
console.log(`| one hash, slowest of ${runs} | ${times.at(-1)!.toFixed(0)} |`);
console.log(`| 8 verifications at once (2 at a time) | ${burst.toFixed(0)} |`);
