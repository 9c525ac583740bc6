/** Accounts: people who work on the platform, and the roles granted to them per site. */
import type { Platform } from '../../platform/platform.ts';
import * as service from './accounts.service.ts';

export { passwordProblems, hashPassword, verifyPassword } from './passwords.ts';

export function accountsModule(platform: Platform) {
  return {
    name: 'accounts',
    register: async () => {},
    createPlatformAdmin: (input: service.AdminInput) => service.createPlatformAdmin(platform.db, input),
  };
}
